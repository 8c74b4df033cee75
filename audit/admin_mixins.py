"""Logging in the admin: the records of residents themselves, and other records that show a resident."""

from django.utils.translation import gettext as _

from audit.models import PersonalDataAccess
from audit.services import log_access


class LogsResidentAccessMixin:
    """Opening or saving a record that shows a resident (an application, a placement) is logged
    against that resident, as opening the resident's own page is."""

    resident_attribute = "resident"

    def _resident_of(self, obj):
        return getattr(obj, self.resident_attribute, None) if obj is not None else None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            obj = self.get_object(request, object_id)
            resident = self._resident_of(obj)
            if resident is not None:
                log_access(
                    request=request,
                    action=PersonalDataAccess.Action.VIEW,
                    resident=resident,
                    target=_("%(model)s 상세") % {"model": self.model._meta.verbose_name},
                )
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        resident = self._resident_of(obj)
        if resident is not None:
            log_access(
                request=request,
                action=PersonalDataAccess.Action.CHANGE if change else PersonalDataAccess.Action.ADD,
                resident=resident,
                target=_("%(model)s 상세") % {"model": self.model._meta.verbose_name},
                detail=", ".join(form.changed_data) if change else "",
            )


class AccessLoggedAdminMixin:
    """The admin of residents' own records: every list, view, entry, change and deletion is written to
    the access log (PIPA). Set `access_log_list_target` and `access_log_detail_target` (what the log
    calls the list page and the record page)."""

    access_log_list_target = None
    access_log_detail_target = None

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            log_access(
                request=request,
                action=PersonalDataAccess.Action.VIEW,
                target=self.access_log_list_target,
                detail=request.GET.urlencode(),
                row_count=len(changelist.result_list),
            )
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            resident = self.get_object(request, object_id)
            if resident is not None:
                log_access(
                    request=request,
                    action=PersonalDataAccess.Action.VIEW,
                    resident=resident,
                    target=self.access_log_detail_target,
                )
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        log_access(
            request=request,
            action=PersonalDataAccess.Action.CHANGE if change else PersonalDataAccess.Action.ADD,
            resident=obj,
            target=self.access_log_detail_target,
            detail=", ".join(form.changed_data) if change else "",
        )

    def delete_model(self, request, obj):
        log_access(
            request=request,
            action=PersonalDataAccess.Action.DELETE,
            resident=obj,
            target=self.access_log_detail_target,
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for resident in queryset:
            log_access(
                request=request,
                action=PersonalDataAccess.Action.DELETE,
                resident=resident,
                target=self.access_log_list_target,
            )
        super().delete_queryset(request, queryset)
