from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.models import PersonalDataAccess
from audit.services import log_access
from residents.admin_paging import CheapCountPaginator, LightListMixin, year_filter
from residents.models import ConsentRecord, PriorityVerification, Resident, ResidentPriorityGroup
from residents.services import verify_priority_claim
from spreadsheets.admin_export import SpreadsheetExportMixin


class ResidentPriorityGroupInline(admin.TabularInline):
    """Choosing the document (and its validity) verifies the claim through the service, which
    records who checked it and when."""

    model = ResidentPriorityGroup
    extra = 0
    autocomplete_fields = ["priority_group"]
    fields = ["priority_group", "state_label", "document_type", "valid_until", "verified_at", "verified_by"]
    readonly_fields = ["state_label", "verified_at", "verified_by"]

    @admin.display(description=_("확인 상태"))
    def state_label(self, claim):
        return claim.get_state_display() if claim.pk else "-"


class ClaimStateFilter(admin.SimpleListFilter):
    title = _("확인 상태")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return ResidentPriorityGroup.State.choices

    def queryset(self, request, queryset):
        State = ResidentPriorityGroup.State
        if self.value() == State.VERIFIED:
            return queryset.counting()
        if self.value() == State.EXPIRED:
            return queryset.expired()
        if self.value() == State.UNVERIFIED:
            return queryset.filter(Q(verified_at__isnull=True) | Q(document_type=""))
        return queryset


@admin.register(ResidentPriorityGroup)
class ResidentPriorityGroupAdmin(admin.ModelAdmin):
    """Priority claims to verify, and expired ones to re-verify (filter by 확인 상태)."""

    list_display = [
        "resident",
        "priority_group",
        "state_label",
        "document_type",
        "verified_by",
        "verified_at",
        "valid_until",
    ]
    list_filter = [ClaimStateFilter, "priority_group", "document_type"]
    search_fields = ["resident__name", "priority_group__name"]
    list_select_related = ["resident", "priority_group", "verified_by"]
    autocomplete_fields = ["resident", "priority_group"]
    fields = ["resident", "priority_group", "document_type", "valid_until", "verified_at", "verified_by"]
    readonly_fields = ["verified_at", "verified_by"]

    @admin.display(description=_("확인 상태"))
    def state_label(self, claim):
        return claim.get_state_display()

    def save_model(self, request, obj, form, change):
        document_changed = {"document_type", "valid_until"} & set(form.changed_data)
        super().save_model(request, obj, form, change)
        if obj.document_type and document_changed:
            verify_priority_claim(
                claim=obj, document_type=obj.document_type, valid_until=obj.valid_until, by=request.user
            )
        log_access(request=request, action=Action.CHANGE if change else Action.ADD, resident=obj.resident,
                   target=_("우선 지원 대상 확인"), detail=", ".join(form.changed_data))  # fmt: skip


@admin.register(PriorityVerification)
class PriorityVerificationAdmin(admin.ModelAdmin):
    list_display = [
        "resident",
        "priority_group",
        "document_type",
        "verified_by",
        "verified_at",
        "valid_until",
    ]
    list_filter = ["priority_group", "document_type"]
    search_fields = ["resident__name"]
    list_select_related = ["resident", "priority_group", "verified_by"]
    date_hierarchy = "verified_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ConsentRecordInline(admin.TabularInline):
    model = ConsentRecord
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "granted", "text_version", "recorded_at", "ip_address"]

    def has_add_permission(self, request, obj=None):
        return False


class LivesInGuroFilter(admin.SimpleListFilter):
    title = _("거주지")
    parameter_name = "lives_in_guro"

    def lookups(self, request, model_admin):
        return [("yes", _("구로구 주민")), ("no", _("구외 거주"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(dong__isnull=False)
        if self.value() == "no":
            return queryset.filter(dong__isnull=True)
        return queryset


Action = PersonalDataAccess.Action
# The fieldset where placements adds its matching link.
HOPED_FOR_WORK = _("희망 일자리")


@admin.register(Resident)
class ResidentAdmin(LightListMixin, SpreadsheetExportMixin, admin.ModelAdmin):
    """Every view, entry, change and deletion of a resident here is written to the access log.

    programs and placements add their applications (inlines) and the matching page to it from their
    admin.py (guro_jobs/admin_extension.py): residents sits below them."""

    list_display = [
        "name",
        "birth_date",
        "gender",
        "dong",
        "phone",
        "education_level",
        "employment_status",
        "provision_consented_at",
        "created_at",
    ]
    list_filter = [
        LivesInGuroFilter,
        "dong",
        "employment_status",
        "education_level",
        "gender",
        "priority_groups",
        ("deletion_requested_at", admin.EmptyFieldListFilter),
        year_filter("created_at", _("등록 연도")),
    ]
    search_fields = ["name", "phone", "email"]
    # At Guro scale (100,000+ residents) a date hierarchy costs two full scans per page and the
    # full count a third; staff find people by name, phone and the filters instead.
    show_full_result_count = False
    paginator = CheapCountPaginator
    list_per_page = 50
    autocomplete_fields = ["dong", "skills", "desired_occupations", "user"]
    readonly_fields = ["created_at", "updated_at", "anonymised_at", "print_link"]
    list_select_related = ["dong"]
    inlines = [ResidentPriorityGroupInline, ConsentRecordInline]
    fieldsets = [
        (
            _("기본 정보"),
            {"fields": ["user", "name", "birth_date", "gender", "phone", "email", "print_link"]},
        ),
        (_("거주지"), {"fields": ["dong", "outside_region"]}),
        (
            _("학력·고용"),
            {"fields": ["education_level", "employment_status", "unemployed_since", "career_summary"]},
        ),
        (
            HOPED_FOR_WORK,
            {
                "fields": [
                    "skills",
                    "desired_occupations",
                    "desired_employment_types",
                    "desired_monthly_wage",
                ]
            },
        ),
        (
            _("개인정보 동의"),
            {"fields": ["collection_consented_at", "provision_consented_at", "consent_version"]},
        ),
        (
            _("관리"),
            {
                "fields": [
                    "last_active_at",
                    "deletion_requested_at",
                    "anonymised_at",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

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
            request=request, action=Action.PRINT, resident=resident, target=_("구직자 카드 인쇄"), row_count=1
        )
        return TemplateResponse(request, "admin/residents/resident/print.html", {"resident": resident})

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            log_access(
                request=request,
                action=Action.VIEW,
                target=_("구직자 목록"),
                detail=request.GET.urlencode(),
                row_count=len(changelist.result_list),
            )
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            resident = self.get_object(request, object_id)
            if resident is not None:
                log_access(request=request, action=Action.VIEW, resident=resident, target=_("구직자 상세"))
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        changed = ", ".join(form.changed_data) if change else ""
        log_access(
            request=request,
            action=Action.CHANGE if change else Action.ADD,
            resident=obj,
            target=_("구직자 상세"),
            detail=changed,
        )

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

    def delete_model(self, request, obj):
        log_access(request=request, action=Action.DELETE, resident=obj, target=_("구직자 상세"))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for resident in queryset:
            log_access(request=request, action=Action.DELETE, resident=resident, target=_("구직자 목록"))
        super().delete_queryset(request, queryset)


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    list_display = ["resident", "kind", "granted", "text_version", "recorded_at"]
    list_filter = ["kind", "granted", "text_version"]
    search_fields = ["resident__name"]
    date_hierarchy = "recorded_at"
    list_select_related = ["resident"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
