from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.admin_mixins import AccessLoggedAdminMixin
from audit.models import PersonalDataAccess
from audit.services import log_access
from residents.admin_mixins import PrintableResidentMixin, VerifiesPriorityClaimsMixin
from residents.admin_paging import CheapCountPaginator, KeptChoicesFilter, LightListMixin, year_filter
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
class ResidentAdmin(
    AccessLoggedAdminMixin,
    PrintableResidentMixin,
    VerifiesPriorityClaimsMixin,
    LightListMixin,
    SpreadsheetExportMixin,
    admin.ModelAdmin,
):
    """Every view, entry, change and deletion of a resident here is written to the access log.

    programs and placements add their applications (inlines) and the matching page to it from their
    admin.py (guro_jobs/admin_extension.py): residents sits below them. The access logging is
    audit's mixin; printing and checking priority documents are residents/admin_mixins.py."""

    access_log_list_target = _("구직자 목록")
    access_log_detail_target = _("구직자 상세")

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
        ("dong", KeptChoicesFilter),
        "employment_status",
        "education_level",
        "gender",
        ("priority_groups", KeptChoicesFilter),
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
    # What a page of the list reads (its columns, and name and birth year in each row's label).
    list_fetch_fields = [*list_display, "dong__name", "dong__name_en"]
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
