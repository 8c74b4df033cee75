"""Export an admin list, with its filters applied, to .xlsx or .csv; the reason is asked for and
logged with the row count (personal-data access log)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from spreadsheets import services
from spreadsheets.forms import ExportForm

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


class SpreadsheetExportMixin:
    """Adds a "내보내기" button to a changelist: the rows it shows (every page) go to a file."""

    change_list_template = "admin/spreadsheets/change_list_with_export.html"

    def get_urls(self):
        opts = self.model._meta
        view = self.admin_site.admin_view(self.export_view)
        return [path("export/", view, name=f"{opts.app_label}_{opts.model_name}_export")] + super().get_urls()

    def export_queryset(self, request):
        # The changelist's own queryset: the same search, filters and ordering staff see.
        changelist = self.get_changelist_instance(request)
        return changelist.get_queryset(request)

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        queryset = self.export_queryset(request)
        form = ExportForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            file_format = form.cleaned_data["file_format"]
            try:
                content = services.export_spreadsheet(
                    queryset=queryset,
                    file_format=file_format,
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                    request=request,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
                filename = f"{self.model._meta.model_name}-{stamp}.{file_format}"
                response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
                response["Content-Disposition"] = f'attachment; filename="{filename}"'
                return response
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("%(name)s 내보내기") % {"name": self.model._meta.verbose_name_plural},
            "form": form,
            "row_count": queryset.count(),
            "query": request.GET.urlencode(),
        }
        return TemplateResponse(request, "admin/spreadsheets/export.html", context)
