from django.contrib import admin

from spreadsheets import services
from spreadsheets.admin_mixins import ImportPagesMixin
from spreadsheets.models import ImportJob


@admin.register(ImportJob)
class ImportJobAdmin(ImportPagesMixin, admin.ModelAdmin):
    """Imports: upload (checked first, a dry run), the report and its confirm button, the progress
    poll (spreadsheets/admin_mixins.py); importing needs the right to add and change that kind."""

    list_display = ["created_at", "kind", "filename", "status", "total_rows", "created_by"]
    list_filter = ["kind", "status"]
    search_fields = ["filename"]
    exclude = ["content"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        # Importing needs the right to add the kind of record being imported; checked per kind.
        return request.user.is_active and request.user.is_staff and self._can_import_any(request)

    def _can_import(self, request, kind):
        model = services.KINDS[kind].model
        opts = model._meta
        return request.user.has_perm(f"{opts.app_label}.add_{opts.model_name}") and request.user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        )

    def _can_import_any(self, request):
        return any(self._can_import(request, kind) for kind in services.KINDS)
