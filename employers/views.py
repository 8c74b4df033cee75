"""The public vacancy search and the employer's own pages (/employer/).

Applying (placements/vacancy_views.py), saving a search (alerts/vacancy_views.py) and the applicant
and hire pages (placements/employer_views.py) are served under the same URL names by the apps above
employers; guro_jobs/urls.py adds their patterns to the `vacancies` and `employer` namespaces."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, TemplateView, View
from django.views.generic.base import ContextMixin
from django_filters.views import FilterView

from employers import page_cache as vacancy_page_cache
from employers import page_extras, selectors, services
from employers.filters import VacancyFilter
from employers.forms import (
    EmployerProfileForm,
    VacancyForm,
)
from employers.models import EmployerProfileChange, Vacancy
from employers.widgets import cached_form_html
from guro_jobs import page_cache
from guro_jobs.forms import add_form_error, apply_krds_classes
from guro_jobs.permissions import EmployerRequiredMixin


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
    until a vacancy changes; the page around them (who is signed in, CSRF tokens) is drawn anew.
    A resident's own 관심 공고 buttons go into the kept results' row slots per request (the template's
    `with_saved_vacancy_buttons`, from alerts): residents share the cache with everyone else."""

    template_name = "employers/vacancy_list.html"
    results_template_name = "employers/includes/vacancy_results.html"
    filterset_class = VacancyFilter
    paginator_class = CappedCountPaginator
    paginate_by = 20
    context_object_name = "vacancies"
    MAX_CACHED_QUERY = 500
    FRAGMENTS_FORMAT = "row-slots-2"  # what a kept entry holds; a new format never reads an old entry

    def get(self, request, *args, **kwargs):
        self.fragments_key = None
        if len(request.META.get("QUERY_STRING", "")) < self.MAX_CACHED_QUERY:
            # Today is part of the key: "not past its closing day" and "closing within" move daily.
            self.fragments_key = page_cache.fragment_key(
                vacancy_page_cache.NAMESPACE,
                self.FRAGMENTS_FORMAT,
                request.GET.urlencode(),
                timezone.localdate().isoformat(),
            )
        fragments = page_cache.read(self.fragments_key)
        if fragments is not None:
            return self.render_to_response(self.page_context(**fragments))
        return super().get(request, *args, **kwargs)

    def get_template_names(self):
        return [self.template_name]

    def get_queryset(self):
        return selectors.listed_vacancies()

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        apply_krds_classes(filterset.form)
        return filterset

    def query_without_page(self):
        params = self.request.GET.copy()
        params.pop("page", None)
        return params.urlencode()

    def extras(self, row_titles):
        """What the apps above employers add for this visitor (employers/page_extras.py): whether
        they are a resident who may save the search and which of the rows they saved (alerts), the
        career years of their resumes (resumes); read together in one query."""
        return page_extras.context_for("vacancy_list", self.request, list(row_titles))

    def page_context(self, **kwargs):
        return ContextMixin.get_context_data(
            self,
            query_without_page=self.query_without_page(),
            **self.extras(kwargs["row_titles"]),
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
            "results_html": render_to_string(self.results_template_name, context, request=self.request),
            # The rows' titles, for the buttons that fill the results' slots (public, like the rows).
            "row_titles": {vacancy.pk: vacancy.title for vacancy in context["vacancies"]},
        }
        if valid and self.fragments_key:
            page_cache.keep(self.fragments_key, fragments)
        context.update(fragments, **self.extras(fragments["row_titles"]))
        return context


class VacancyDetailView(DetailView):
    template_name = "employers/vacancy_detail.html"
    context_object_name = "vacancy"

    def get_queryset(self):
        return selectors.open_vacancies()

    def get_context_data(self, **kwargs):
        # A resident's application and consent form come from placements (page_extras); what the
        # caller passes (the apply view's form with its errors) wins.
        context = page_extras.context_for("vacancy_detail", self.request, self.object)
        context["similar_vacancies"] = list(selectors.similar_vacancies(self.object))
        return super().get_context_data(**{**context, **kwargs})


# ---- Employer pages ----
# The pages about applicants and hires (the vacancy's applicants, moving an application, confirming or
# cancelling a hire) are placements' (placements/employer_views.py); their URLs stay under employer:.


class EmployerHomeView(EmployerRequiredMixin, TemplateView):
    template_name = "employers/employer_home.html"

    def get_context_data(self, **kwargs):
        vacancies = selectors.vacancies_of(self.employer)
        return super().get_context_data(
            employer=self.employer,
            agreements=selectors.agreements_with_progress(self.employer),
            open_vacancies=vacancies.filter(status=Vacancy.Status.OPEN),
            other_vacancies=vacancies.exclude(status=Vacancy.Status.OPEN),
            **page_extras.context_for("employer_home", self.request, self.employer),
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


# ---- Public employer pages (/companies/<id>/) and the employer's profile proposal ----


class CompanyDetailView(DetailView):
    """A public employer page: the approved profile, partner badges and open vacancies."""

    template_name = "employers/company_detail.html"
    context_object_name = "company"

    def get_queryset(self):
        return selectors.public_employers().select_related("dong")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            badges=selectors.partner_badges(self.object),
            vacancies=selectors.open_vacancies().filter(employer=self.object).order_by("-posted_on", "-id"),
            **kwargs,
        )


class EmployerProfileView(EmployerRequiredMixin, FormView):
    """The employer proposes its public profile; staff approve it as they approve vacancies."""

    template_name = "employers/employer_profile.html"
    form_class = EmployerProfileForm

    @cached_property
    def pending_change(self):
        return selectors.pending_profile_change(self.employer)

    def get_initial(self):
        source = self.pending_change or self.employer
        return {name: getattr(source, name) for name in EmployerProfileChange.FIELDS}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            employer=self.employer,
            pending_change=self.pending_change,
            last_decision=selectors.last_profile_decision(self.employer),
            **kwargs,
        )

    def form_valid(self, form):
        fields = {name: form.cleaned_data[name] for name in EmployerProfileChange.FIELDS}
        try:
            services.propose_profile_change(employer=self.employer, by=self.request.user, **fields)
        except ValidationError as error:
            add_form_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("기업 소개 변경을 요청했습니다. 구청 직원이 승인하면 공개 페이지에 반영됩니다.")
        )
        return redirect("employer:profile")
