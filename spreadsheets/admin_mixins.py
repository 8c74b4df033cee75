"""The import admin's pages: upload a file (checked first, a dry run), the report with the confirm
button, and the progress the page polls while a worker runs the job. Every write is a
spreadsheets.services call."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from spreadsheets import services
from spreadsheets.forms import UploadForm
from spreadsheets.models import ImportJob


class ImportPagesMixin:
    """For ImportJobAdmin, which says who may import a kind (`_can_import`)."""

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:job_id>/report/", wrap(self.report_view), name="spreadsheets_importjob_report"),
            path("<int:job_id>/progress/", wrap(self.progress_view), name="spreadsheets_importjob_progress"),
        ] + super().get_urls()

    def add_view(self, request, form_url="", extra_context=None):
        """Upload a file; it is checked (dry run) before anything is written."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            kind = form.cleaned_data["kind"]
            if not self._can_import(request, kind):
                raise PermissionDenied
            upload = form.cleaned_data["file"]
            content = upload.read()
            try:
                total = services.count_rows(content, upload.name)
            except ValidationError as error:
                form.add_error("file", error)
            else:
                job = services.create_import_job(
                    kind=kind, filename=upload.name, content=content, total_rows=total, by=request.user
                )
                services.start_import_job(job=job, dry_run=True)
                return redirect("admin:spreadsheets_importjob_report", job_id=job.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("엑셀 가져오기"),
            "form": form,
        }
        return TemplateResponse(request, "admin/spreadsheets/importjob/upload.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return redirect("admin:spreadsheets_importjob_report", job_id=object_id)

    def report_view(self, request, job_id):
        """The dry-run table (new / update / error per row) and the confirm button."""
        job = get_object_or_404(ImportJob, pk=job_id)
        if not self.has_view_permission(request, job):
            raise PermissionDenied
        if request.method == "POST":
            if not self._can_import(request, job.kind):
                raise PermissionDenied
            if job.status != ImportJob.Status.CHECKED:
                self.message_user(request, _("검사를 통과한 파일만 저장할 수 있습니다."), messages.ERROR)
            else:
                services.start_import_job(job=job, dry_run=False)
                job.refresh_from_db()
                if job.status == ImportJob.Status.IMPORTED:
                    self.message_user(request, _("모든 행을 저장했습니다."), messages.SUCCESS)
            return redirect("admin:spreadsheets_importjob_report", job_id=job.pk)
        report = services.ImportReport.from_dict(job.report) if job.report else None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": str(job),
            "job": job,
            "report": report,
            "rows": report.rows[: settings.SPREADSHEET_REPORT_ROWS] if report else [],
            "counts": {status: report.count(status) for status in ("new", "update", "error")}
            if report
            else {},
            "error_rows": [row for row in report.rows if row.status == "error"] if report else [],
            "progress_url": reverse("admin:spreadsheets_importjob_progress", args=[job.pk]),
            "can_confirm": job.status == ImportJob.Status.CHECKED and self._can_import(request, job.kind),
        }
        return TemplateResponse(request, "admin/spreadsheets/importjob/report.html", context)

    def progress_view(self, request, job_id):
        """Polled by the page while a worker runs the job."""
        job = get_object_or_404(ImportJob, pk=job_id)
        if not self.has_view_permission(request, job):
            raise PermissionDenied
        done = job.total_rows if not job.is_running else 0
        if job.is_running and job.task_id:
            from celery.result import AsyncResult

            try:
                info = AsyncResult(job.task_id).info
            except Exception:
                info = None
            if isinstance(info, dict):
                done = info.get("done", 0)
        return JsonResponse(
            {
                "status": job.status,
                "status_label": job.get_status_display(),
                "running": job.is_running,
                "done": done,
                "total": job.total_rows,
            }
        )
