"""The employer reads an applicant's snapshot resume (print-friendly, A4) and its file, keeps
private notes, and downloads its applicants as .xlsx. Only applicants who consented to provision
are reachable (placements.selectors.applications_visible_to); anything else is a 404. Every read
of a resident's data is access-logged."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from audit.models import PersonalDataAccess
from audit.services import log_access
from employers import selectors as employer_selectors
from guro_jobs.permissions import EmployerRequiredMixin
from placements import selectors, services
from placements.applicant_exports import applicants_workbook
from resumes.views import file_response


class ApplicantMixin(EmployerRequiredMixin):
    @cached_property
    def application(self):
        return get_object_or_404(selectors.applications_visible_to(self.employer), pk=self.kwargs["pk"])


class ApplicantResumeView(ApplicantMixin, TemplateView):
    """The resume as it was sent with the application, laid out for A4 printing, and the notes."""

    template_name = "placements/applicant_resume.html"

    def get_context_data(self, **kwargs):
        application = self.application
        snapshot = getattr(application, "resume_snapshot", None)
        log_access(
            request=self.request,
            action=PersonalDataAccess.Action.VIEW,
            resident=application.resident,
            target=_("지원 이력서"),
            detail=application.vacancy.title,
        )
        return super().get_context_data(
            application=application,
            resident=application.resident,
            snapshot=snapshot,
            content=snapshot.content if snapshot else None,
            notes=selectors.notes_on(application, self.employer),
            **kwargs,
        )

    def post(self, request, pk):
        """Add a private note."""
        try:
            services.add_applicant_note(
                application=self.application, by=request.user, body=request.POST.get("body")
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("메모를 남겼습니다. 우리 기업 담당자만 볼 수 있습니다."))
        return redirect("employer_applicants:resume", pk=pk)


class ApplicantResumeFileView(ApplicantMixin, View):
    def get(self, request, pk):
        snapshot = getattr(self.application, "resume_snapshot", None)
        if snapshot is None or not snapshot.has_file:
            raise Http404
        log_access(
            request=request,
            action=PersonalDataAccess.Action.VIEW,
            resident=self.application.resident,
            target=_("지원 이력서 첨부 파일"),
            detail=snapshot.file_name,
        )
        return file_response(path=snapshot.file_path, kind=snapshot.file_kind, name=snapshot.file_name)


class ApplicantsDownloadView(EmployerRequiredMixin, View):
    """The applicants of one of this employer's vacancies as .xlsx (consented ones only)."""

    def get(self, request, pk):
        vacancy = get_object_or_404(employer_selectors.vacancies_of(self.employer), pk=pk)
        applications = list(selectors.applicants_of(vacancy))
        log_access(
            request=request,
            action=PersonalDataAccess.Action.EXPORT,
            target=_("지원자 목록 (.xlsx)"),
            detail=vacancy.title,
            row_count=len(applications),
        )
        response = HttpResponse(
            applicants_workbook(applications),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        stamp = timezone.localdate().strftime("%Y%m%d")
        response["Content-Disposition"] = f'attachment; filename="applicants-{vacancy.pk}-{stamp}.xlsx"'
        response["Cache-Control"] = "no-store"
        return response
