"""The employer's pages about applicants and hires (/employer/): a vacancy with its applicants, moving
an application, confirming and cancelling a hire. The URL names stay under `employer:`
(placements/employer_urls.py, added to that namespace by guro_jobs/urls.py); the templates stay in
employers/templates/employers/."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from audit.models import PersonalDataAccess
from audit.services import log_access
from employers import selectors as vacancy_selectors
from employers.forms import HireCancellationForm, HireConfirmationForm, MoveApplicationForm
from employers.views import EmployerVacancyMixin
from guro_jobs.forms import add_form_error
from guro_jobs.permissions import EmployerRequiredMixin
from placements import selectors as application_selectors
from placements.models import JobApplication, Placement
from placements.services import cancel_hire, confirm_hire, move_job_application


def employer_home_context(request, employer):
    """The newest applicants on the employer's home page (employers/page_extras.py)."""
    return {"new_applicants": application_selectors.new_applicants_of(employer)[:20]}


class EmployerVacancyDetailView(EmployerVacancyMixin, TemplateView):
    template_name = "employers/employer_vacancy.html"

    def get_context_data(self, **kwargs):
        vacancy = self.get_vacancy()
        return super().get_context_data(
            vacancy=vacancy,
            vacancy_actions=vacancy_selectors.employer_vacancy_actions(vacancy),
            applications=application_selectors.applicant_rows(vacancy),
            **kwargs,
        )


class MoveApplicationView(EmployerRequiredMixin, View):
    def post(self, request, pk):
        application = get_object_or_404(application_selectors.applications_visible_to(self.employer), pk=pk)
        form = MoveApplicationForm(request.POST, choices=application_selectors.employer_status_choices())
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
        if JobApplication.Status.HIRED in application_selectors.next_statuses_for_employer(application):
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
