"""The resident admin's tools beyond its configuration: the printable card (printing is logged, PIPA
Art. 8) and checking priority documents when staff fill in a claim's document (a service call)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.models import PersonalDataAccess
from audit.services import log_access
from residents.models import Resident, ResidentPriorityGroup
from residents.services import verify_priority_claim


class PrintableResidentMixin:
    """A printable card of the resident at <id>/print/; list `print_link` in readonly_fields."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.print_view)
        return [path("<int:resident_id>/print/", view, name="residents_resident_print")] + super().get_urls()

    @admin.display(description=_("출력"))
    def print_link(self, resident):
        if not resident.pk:
            return "-"
        url = reverse("admin:residents_resident_print", args=[resident.pk])
        return format_html('<a href="{}" target="_blank">{}</a>', url, _("구직자 카드 인쇄"))

    def print_view(self, request, resident_id):
        """A printable card of the resident; printing is logged (PIPA Art. 8)."""
        resident = get_object_or_404(Resident, pk=resident_id)
        if not self.has_view_permission(request, resident):
            raise PermissionDenied
        log_access(
            request=request,
            action=PersonalDataAccess.Action.PRINT,
            resident=resident,
            target=_("구직자 카드 인쇄"),
            row_count=1,
        )
        return TemplateResponse(request, "admin/residents/resident/print.html", {"resident": resident})


class VerifiesPriorityClaimsMixin:
    """A claim whose document type or validity staff changed inline is verified by them, then and there."""

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is not ResidentPriorityGroup:
            return
        for claim_form in formset.forms:
            claim = claim_form.instance
            changed = {"document_type", "valid_until"} & set(claim_form.changed_data)
            if claim.pk and claim.document_type and changed and not claim_form.cleaned_data.get("DELETE"):
                verify_priority_claim(
                    claim=claim,
                    document_type=claim.document_type,
                    valid_until=claim.valid_until,
                    by=request.user,
                )
