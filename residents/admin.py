from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.models import PersonalDataAccess
from audit.services import log_access
from placements.admin_matching import ResidentMatchingMixin
from placements.models import JobApplication
from programs.models import ProgramApplication
from residents.models import ConsentRecord, Resident, ResidentPriorityGroup
from spreadsheets.admin_export import SpreadsheetExportMixin


class ResidentPriorityGroupInline(admin.TabularInline):
    model = ResidentPriorityGroup
    extra = 0
    autocomplete_fields = ["priority_group"]
    readonly_fields = ["verified_by"]


class ProgramApplicationInline(admin.TabularInline):
    model = ProgramApplication
    extra = 0
    fields = ["program", "status", "priority_score", "applied_at"]
    readonly_fields = ["applied_at"]
    autocomplete_fields = ["program"]
    show_change_link = True


class JobApplicationInline(admin.TabularInline):
    model = JobApplication
    extra = 0
    fields = ["vacancy", "status", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["vacancy"]
    show_change_link = True


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


@admin.register(Resident)
class ResidentAdmin(ResidentMatchingMixin, SpreadsheetExportMixin, admin.ModelAdmin):
    """Every view, entry, change and deletion of a resident here is written to the access log."""

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
    ]
    search_fields = ["name", "phone", "email"]
    # At Guro scale (100,000+ residents) a date hierarchy costs two full scans per page and the
    # full count a third; staff find people by name, phone and the filters instead.
    show_full_result_count = False
    list_per_page = 50
    autocomplete_fields = ["dong", "skills", "desired_occupations", "user"]
    readonly_fields = ["created_at", "updated_at", "anonymised_at", "matches_link", "print_link"]
    list_select_related = ["dong"]
    inlines = [
        ResidentPriorityGroupInline,
        ProgramApplicationInline,
        JobApplicationInline,
        ConsentRecordInline,
    ]
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
            _("희망 일자리"),
            {
                "fields": [
                    "skills",
                    "desired_occupations",
                    "desired_employment_types",
                    "desired_monthly_wage",
                    "matches_link",
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
