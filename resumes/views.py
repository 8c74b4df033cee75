"""The resident's resumes (/me/resumes/): list, create, edit with each history, delete, default,
and the attached file, served only to its owner and to district staff, every read logged."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from accounts.permissions import STAFF, role_of
from audit.models import PersonalDataAccess
from audit.services import log_access
from residents.permissions import ResidentRequiredMixin
from residents.views import add_form_error
from resumes import files, selectors, services
from resumes.forms import FORMSETS, ResumeForm
from resumes.models import Resume


def file_response(*, path, kind, name):
    """A private file as a download that no cache keeps."""
    stem = (name.rsplit(".", 1)[0] if "." in name else name) or "resume"
    response = FileResponse(
        files.open_stored(path),
        as_attachment=kind != files.PDF,
        filename=f"{stem}.{kind}",
        content_type=files.CONTENT_TYPES[kind],
    )
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class ResumeListView(ResidentRequiredMixin, TemplateView):
    template_name = "resumes/resume_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(resumes=selectors.resumes_of(self.resident), **kwargs)


class ResumeEditView(ResidentRequiredMixin, TemplateView):
    """One page: the resume's own fields, its file, and a formset for each history."""

    template_name = "resumes/resume_form.html"

    @cached_property
    def resume(self):
        if "pk" not in self.kwargs:
            return Resume(resident=self.resident)
        return get_object_or_404(Resume, pk=self.kwargs["pk"], resident=self.resident)

    def forms(self, data=None, upload=None):
        form = ResumeForm(data, upload, instance=self.resume)
        formsets = [
            (key, label, formset_class(data, instance=self.resume, prefix=key))
            for key, label, formset_class in FORMSETS
        ]
        return form, formsets

    def get_context_data(self, **kwargs):
        if "form" not in kwargs:
            kwargs["form"], kwargs["formsets"] = self.forms()
        return super().get_context_data(resume=self.resume, **kwargs)

    def post(self, request, *args, **kwargs):
        form, formsets = self.forms(request.POST, request.FILES)
        if form.is_valid() and all(formset.is_valid() for _key, _label, formset in formsets):
            created = self.resume.pk is None
            try:
                self.save(form, formsets)
            except ValidationError as error:
                if created:  # rolled back: the page must not link to a resume that was not kept
                    self.resume.pk = None
                add_form_error(form, error)
            else:
                messages.success(request, _("이력서를 저장했습니다."))
                return redirect("resumes:edit", pk=self.resume.pk)
        return self.render_to_response(self.get_context_data(form=form, formsets=formsets), status=400)

    @transaction.atomic
    def save(self, form, formsets):
        resume = form.save(commit=False)
        resume.desired_employment_types = form.cleaned_data["desired_employment_types"]
        services.save_resume(resume=resume, desired_occupations=form.cleaned_data["desired_occupations"])
        for _key, _label, formset in formsets:
            formset.instance = resume
            formset.save()
        if form.cleaned_data.get("remove_file"):
            services.remove_file(resume=resume)
        if form.cleaned_data.get("file"):
            try:
                services.attach_file(resume=resume, file=form.cleaned_data["file"])
            except ValidationError as error:
                raise ValidationError({"file": error.messages})


class ResumeDeleteView(ResidentRequiredMixin, TemplateView):
    template_name = "resumes/resume_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            resume=get_object_or_404(Resume, pk=self.kwargs["pk"], resident=self.resident), **kwargs
        )

    def post(self, request, pk):
        resume = get_object_or_404(Resume, pk=pk, resident=self.resident)
        services.delete_resume(resume=resume)
        messages.success(request, _("이력서를 지웠습니다. 이미 지원한 곳에 보낸 이력서는 그대로 남습니다."))
        return redirect("resumes:list")


class ResumeDefaultView(ResidentRequiredMixin, View):
    def post(self, request, pk):
        resume = get_object_or_404(Resume, pk=pk, resident=self.resident)
        services.set_default_resume(resume=resume)
        messages.success(request, _("'%(title)s'을(를) 기본 이력서로 정했습니다.") % {"title": resume.title})
        return redirect("resumes:list")


class ResumeFileView(View):
    """The resume's own file: for its owner, and for district staff; every read is logged."""

    def get(self, request, pk):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        role = role_of(request.user)
        resume = get_object_or_404(Resume.objects.select_related("resident"), pk=pk)
        is_owner = resume.resident.user_id == request.user.pk and resume.resident.anonymised_at is None
        if not is_owner and role != STAFF:
            if role == "resident":
                raise Http404
            raise PermissionDenied
        return resume_file_response(request, resume)


def resume_file_response(request, resume):
    """The resume's file as a download, its read written to the access log (page and API)."""
    if not resume.has_file:
        raise Http404
    log_access(
        request=request,
        action=PersonalDataAccess.Action.VIEW,
        resident=resume.resident,
        target=_("이력서 첨부 파일"),
        detail=resume.file_name,
    )
    return file_response(path=resume.file_path, kind=resume.file_kind, name=resume.file_name)
