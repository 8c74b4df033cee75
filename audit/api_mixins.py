"""Logging, for API viewsets, the reads of residents' personal data, as the admin logs them."""

from django.utils.translation import gettext as _
from rest_framework.response import Response

from audit.models import PersonalDataAccess
from audit.services import log_access


class LogsPersonalDataReadsMixin:
    """A list (or search) is logged with its row count and query; reading one record is logged
    against its resident. Roles in unlogged_roles are not logged: a viewset names the resident's
    role there, since a resident only ever reads their own records (no one else's data)."""

    # The record's resident: "" when the record is the resident, else the attribute holding it.
    resident_attribute = "resident"
    access_log_label = ""
    unlogged_roles = frozenset()

    def _logs_reads(self):
        return getattr(self, "role", None) not in self.unlogged_roles

    def _label(self):
        return self.access_log_label or str(self.get_queryset().model._meta.verbose_name)

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        if response.status_code == 200 and self._logs_reads():
            data = response.data
            rows = data.get("results", []) if isinstance(data, dict) else data
            log_access(
                request=request,
                action=PersonalDataAccess.Action.VIEW,
                target=_("%(model)s 목록 (API)") % {"model": self._label()},
                detail=request.query_params.urlencode(),
                row_count=len(rows),
            )
        return response

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        data = self.get_serializer(instance).data
        if self._logs_reads():
            resident = getattr(instance, self.resident_attribute) if self.resident_attribute else instance
            log_access(
                request=request,
                action=PersonalDataAccess.Action.VIEW,
                resident=resident,
                target=_("%(model)s 상세 (API)") % {"model": self._label()},
                row_count=1,
            )
        return Response(data)
