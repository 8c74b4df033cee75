from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from placements.models import JobApplication
from programs.models import ProgramApplication
from residents.models import ConsentRecord, Resident, ResidentPriorityGroup


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


@admin.register(Resident)
class ResidentAdmin(admin.ModelAdmin):
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
    date_hierarchy = "created_at"
    autocomplete_fields = ["dong", "skills", "desired_occupations", "user"]
    readonly_fields = ["created_at", "updated_at", "anonymised_at"]
    list_select_related = ["dong"]
    inlines = [
        ResidentPriorityGroupInline,
        ProgramApplicationInline,
        JobApplicationInline,
        ConsentRecordInline,
    ]
    fieldsets = [
        (_("기본 정보"), {"fields": ["user", "name", "birth_date", "gender", "phone", "email"]}),
        (_("거주지"), {"fields": ["dong", "outside_region"]}),
        (
            _("학력·고용"),
            {"fields": ["education_level", "employment_status", "unemployed_since", "career_summary"]},
        ),
        (
            _("희망 일자리"),
            {"fields": ["skills", "desired_occupations", "desired_employment_types", "desired_monthly_wage"]},
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
