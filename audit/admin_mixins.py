"""Logging, for admin pages of other records, the resident whose personal data they show."""

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
