"""The public vacancy search and the employer's own pages (/employer/)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, TemplateView, View
from django.views.generic.base import ContextMixin
from django_filters.views import FilterView

from alerts import services as alert_services
from audit.models import PersonalDataAccess
from audit.services import log_access
from employers import page_cache as vacancy_page_cache
from employers import selectors, services
from employers.filters import VacancyFilter
from employers.forms import (
    HireCancellationForm,
    HireConfirmationForm,
    MoveApplicationForm,
    SavedSearchForm,
    VacancyForm,
)
from employers.models import Vacancy
from employers.widgets import cached_form_html
from guro_jobs import page_cache
from guro_jobs.forms import apply_krds_classes
from guro_jobs.permissions import EmployerRequiredMixin, ResidentRequiredMixin, resident_of
from placements import selectors as application_selectors
from placements.models import JobApplication, Placement
from placements.services import cancel_hire, confirm_hire, move_job_application
from residents.forms import ProvisionConsentForm
from residents.services import apply_with_provision_consent
from residents.views import add_form_error, client_ip


class CappedCountPaginator(Paginator):
    """Counts at most COUNT_CAP results: counting 50,000 open vacancies on every search costs more
    than the page; past the cap the page says "1,000건 이상" and offers the first 50 pages."""

    COUNT_CAP = 1000

    @cached_property
    def count(self):
        counted = self.object_list[: self.COUNT_CAP + 1].count()
        self.capped = counted > self.COUNT_CAP
        return min(counted, self.COUNT_CAP)


class VacancyListView(FilterView):
    """The public search. Its form and results are the same for everyone who asks the same query
    string in the same language, so they are kept in the shared cache (guro_jobs/page_cache.py)
    until a vacancy changes; the page around them (who is signed in, CSRF tokens) is drawn anew."""

    template_name = "employers/vacancy_list.html"
    results_template_name = "employers/includes/vacancy_results.html"
    filterset_class = VacancyFilter
    paginator_class = CappedCountPaginator
    paginate_by = 20
    context_object_name = "vacancies"
    MAX_CACHED_QUERY = 500

    def get(self, request, *args, **kwargs):
        self.fragments_key = None
        if len(request.META.get("QUERY_STRING", "")) < self.MAX_CACHED_QUERY:
            # Today is part of the key: "not past its closing day" and "closing within" move daily.
            self.fragments_key = page_cache.fragment_key(
                vacancy_page_cache.NAMESPACE, request.GET.urlencode(), timezone.localdate().isoformat()
            )
        fragments = page_cache.read(self.fragments_key)
        if fragments is not None:
            return self.render_to_response(self.page_context(**fragments))
        return super().get(request, *args, **kwargs)

    def get_template_names(self):
        return [self.template_name]

    def get_queryset(self):
        return selectors.open_vacancies()

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        apply_krds_classes(filterset.form)
        return filterset

    def query_without_page(self):
        params = self.request.GET.copy()
        params.pop("page", None)
        return params.urlencode()

    def page_context(self, **kwargs):
        return ContextMixin.get_context_data(
            self,
            query_without_page=self.query_without_page(),
            is_resident=resident_of(self.request.user) is not None,
            **kwargs,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query_without_page=self.query_without_page(), **kwargs)
        form = self.filterset.form
        valid = not form.errors
        fragments = {
            "filter_form_html": cached_form_html(
                context["query_without_page"],
                VacancyFilter.OPTIONS_TTL,
                lambda: render_to_string("includes/form.html", {"form": form}),
            )
            if valid and len(context["query_without_page"]) < self.MAX_CACHED_QUERY
            else None,
            "results_html": render_to_string(self.results_template_name, context),
        }
        if valid:
            page_cache.keep(self.fragments_key, fragments)
        context.update(fragments, is_resident=resident_of(self.request.user) is not None)
        return context


class VacancyDetailView(DetailView):
    template_name = "employers/vacancy_detail.html"
    context_object_name = "vacancy"

    def get_queryset(self):
        return selectors.open_vacancies()

    def get_context_data(self, **kwargs):
        context = {}
        resident = resident_of(self.request.user)
        if resident is not None:
            context["resident"] = resident
            context["application"] = JobApplication.objects.filter(
                resident=resident, vacancy=self.object
            ).first()
            context["consent_form"] = kwargs.pop("consent_form", None) or ProvisionConsentForm()
        return super().get_context_data(**context, **kwargs)


class VacancyApplyView(ResidentRequiredMixin, VacancyDetailView):
    """One-click apply; asks for the consent to provide data to employers if it is missing."""

    http_method_names = ["post"]

    def post(self, request, pk):
        self.object = vacancy = self.get_object()
        form = ProvisionConsentForm(request.POST)
        consent_given = form.is_valid()
        try:
            apply_with_provision_consent(
                resident=self.resident,
                vacancy=vacancy,
                consent_given=consent_given,
                ip_address=client_ip(request),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):  # the consent box was left empty: show it again, with its error
                return self.render_to_response(self.get_context_data(consent_form=form), status=400)
            for message in error.messages:
                messages.error(request, message)
            return redirect("vacancies:detail", pk=vacancy.pk)
        messages.success(request, _("지원했습니다. 진행 상황은 내 정보에서 볼 수 있습니다."))
        return redirect("vacancies:detail", pk=vacancy.pk)


class SaveSearchView(ResidentRequiredMixin, View):
    def post(self, request):
        form = SavedSearchForm(request.POST)
        query = form.data.get("query", "")
        try:
            saved = alert_services.save_search(resident=self.resident, query=query)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("vacancies:list")
        messages.success(request, _("검색 조건을 저장했습니다. 새 공고가 올라오면 메일로 알려 드립니다."))
        # The normalised query, never the raw input, goes into the redirect.
        return redirect(
            f"{reverse('vacancies:list')}?{saved.query}" if saved.query else reverse("vacancies:list")
        )


# ---- Employer pages ----


class EmployerHomeView(EmployerRequiredMixin, TemplateView):
    template_name = "employers/employer_home.html"

    def get_context_data(self, **kwargs):
        vacancies = selectors.vacancies_of(self.employer)
        return super().get_context_data(
            employer=self.employer,
            agreements=selectors.agreements_with_progress(self.employer),
            open_vacancies=vacancies.filter(status=Vacancy.Status.OPEN),
            other_vacancies=vacancies.exclude(status=Vacancy.Status.OPEN),
            new_applicants=application_selectors.new_applicants_of(self.employer)[:20],
            **kwargs,
        )


class EmployerVacancyMixin(EmployerRequiredMixin):
    """The employer's own vacancy from the URL; another employer's id is a 404."""

    def get_vacancy(self):
        return get_object_or_404(selectors.vacancies_of(self.employer), pk=self.kwargs["pk"])


class VacancyEditView(EmployerVacancyMixin, FormView):
    template_name = "employers/vacancy_form.html"
    form_class = VacancyForm

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "employer": self.employer}
        if "pk" in self.kwargs:
            kwargs["instance"] = self.get_vacancy()
        return kwargs

    def form_valid(self, form):
        vacancy = form.save(commit=False)
        try:
            services.save_employer_vacancy(
                vacancy=vacancy, employer=self.employer, skills=form.cleaned_data["required_skills"]
            )
        except ValidationError as error:
            add_form_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("공고를 저장했습니다. 내용을 확인한 뒤 승인 요청을 보내 주세요."))
        return redirect("employer:vacancy", pk=vacancy.pk)


class EmployerVacancyDetailView(EmployerVacancyMixin, TemplateView):
    template_name = "employers/employer_vacancy.html"

    def get_context_data(self, **kwargs):
        vacancy = self.get_vacancy()
        return super().get_context_data(
            vacancy=vacancy, applications=application_selectors.applicants_of(vacancy), **kwargs
        )


class VacancyActionView(EmployerVacancyMixin, View):
    """Submit for review, close, or mark filled: each one service call."""

    def post(self, request, pk, action):
        vacancy = self.get_vacancy()
        try:
            if action == "submit":
                services.submit_vacancy_for_review(vacancy=vacancy)
                messages.success(request, _("승인을 요청했습니다. 구청 직원이 확인한 뒤 게시됩니다."))
            elif action == "close":
                services.close_vacancy(vacancy=vacancy)
                messages.success(request, _("공고를 마감했습니다."))
            elif action == "filled":
                services.close_vacancy(vacancy=vacancy, filled=True)
                messages.success(request, _("채용 완료로 표시했습니다."))
            else:
                raise Http404
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("employer:vacancy", pk=vacancy.pk)


class MoveApplicationView(EmployerRequiredMixin, View):
    def post(self, request, pk):
        application = get_object_or_404(application_selectors.applications_visible_to(self.employer), pk=pk)
        form = MoveApplicationForm(request.POST)
        if form.is_valid() and form.cleaned_data["status"] == JobApplication.Status.HIRED:
            return redirect("employer:application_hire", pk=application.pk)  # confirm first
        if not form.is_valid():
            messages.error(request, _("바꿀 상태를 골라 주세요."))
        else:
            try:
                move_job_application(
                    application=application, status=form.cleaned_data["status"], by=request.user
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(
                    request,
                    _("%(name)s님의 상태를 '%(status)s'(으)로 바꿨습니다.")
                    % {
                        "name": application.resident.name,
                        "status": JobApplication.Status(form.cleaned_data["status"]).label,
                    },
                )
        return redirect("employer:vacancy", pk=application.vacancy_id)


class EmployerApplicationMixin(EmployerRequiredMixin):
    """One of this employer's visible applications from the URL (loaded after the role check);
    anything else is a 404."""

    @cached_property
    def application(self):
        return get_object_or_404(
            application_selectors.applications_visible_to(self.employer).select_related("placement"),
            pk=self.kwargs["pk"],
        )


class HireConfirmationView(EmployerApplicationMixin, FormView):
    """'채용' asks for the start date and the monthly wage before the hire counts anywhere."""

    template_name = "employers/hire_confirm.html"
    form_class = HireConfirmationForm

    def refusal(self):
        """An application that cannot be hired (rejected, withdrawn, hired) goes back with the reason."""
        application = self.application
        if application.can_move_to(JobApplication.Status.HIRED):
            return None
        messages.error(
            self.request,
            _("'%(from)s' 상태에서 '%(to)s' 상태로 바꿀 수 없습니다.")
            % {"from": application.get_status_display(), "to": JobApplication.Status.HIRED.label},
        )
        return redirect("employer:vacancy", pk=application.vacancy_id)

    def get(self, request, *args, **kwargs):
        return self.refusal() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refusal() or super().post(request, *args, **kwargs)

    def get_initial(self):
        return {"started_on": timezone.localdate(), "monthly_wage": self.application.vacancy.monthly_wage}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            application=self.application, correction_hours=settings.HIRE_CORRECTION_HOURS, **kwargs
        )

    def form_valid(self, form):
        try:
            confirm_hire(application=self.application, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_form_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "%(name)s님을 채용했습니다. 잘못 기록했다면 %(hours)s시간 안에 '채용 취소(정정)'으로 고칠 수 있습니다."
            )
            % {"name": self.application.resident.name, "hours": settings.HIRE_CORRECTION_HOURS},
        )
        return redirect("employer:vacancy", pk=self.application.vacancy_id)


class HireCancellationView(EmployerApplicationMixin, FormView):
    """Within HIRE_CORRECTION_HOURS the employer cancels a hire recorded by mistake, with a reason."""

    template_name = "employers/hire_cancel.html"
    form_class = HireCancellationForm

    @cached_property
    def placement(self):
        placement = getattr(self.application, "placement", None)
        if placement is None or placement.status != Placement.Status.STANDING:
            raise Http404
        return placement

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            application=self.application,
            placement=self.placement,
            correctable=self.placement.employer_may_correct,
            correction_hours=settings.HIRE_CORRECTION_HOURS,
            **kwargs,
        )

    def form_valid(self, form):
        reason = form.cleaned_data["reason"]
        try:
            cancel_hire(placement=self.placement, by=self.request.user, reason=reason)
        except ValidationError as error:
            add_form_error(form, error)
            return self.form_invalid(form)
        log_access(
            request=self.request,
            action=PersonalDataAccess.Action.CHANGE,
            resident=self.application.resident,
            target=_("채용 취소(정정)"),
            detail=reason,
        )
        messages.success(
            self.request,
            _("%(name)s님의 채용을 취소했습니다. 처리 이력에 사유가 남았습니다.")
            % {"name": self.application.resident.name},
        )
        return redirect("employer:vacancy", pk=self.application.vacancy_id)
