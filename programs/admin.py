from django.contrib import admin

from programs.models import Program, ProgramApplication, ProgramApplicationEvent, ProgramPriorityWeight


class ProgramPriorityWeightInline(admin.TabularInline):
    model = ProgramPriorityWeight
    extra = 0
    autocomplete_fields = ["priority_group"]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "name",
        "kind",
        "sector",
        "year",
        "capacity",
        "starts_on",
        "ends_on",
        "is_published",
    ]
    list_filter = ["year", "kind", "sector", "is_published"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["required_priority_groups"]
    inlines = [ProgramPriorityWeightInline]
    fieldsets = [
        (None, {"fields": ["code", "name", "kind", "sector", "year", "description", "is_published"]}),
        (
            "정원·기간·임금",
            {
                "fields": [
                    "capacity",
                    "starts_on",
                    "ends_on",
                    "applications_open_on",
                    "applications_close_on",
                    "wage_amount",
                    "wage_unit",
                ]
            },
        ),
        (
            "신청 자격",
            {
                "fields": [
                    "min_age",
                    "max_age",
                    "requires_guro_residency",
                    "allowed_employment_statuses",
                    "min_education",
                    "required_priority_groups",
                ]
            },
        ),
    ]


class ProgramApplicationEventInline(admin.TabularInline):
    model = ProgramApplicationEvent
    extra = 0
    can_delete = False
    readonly_fields = ["status", "reason", "occurred_at", "actor"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ProgramApplication)
class ProgramApplicationAdmin(admin.ModelAdmin):
    list_display = [
        "resident",
        "program",
        "status",
        "priority_score",
        "waitlist_position",
        "applied_at",
        "decided_at",
    ]
    list_filter = ["status", "program__year", "program__kind", "program"]
    search_fields = ["resident__name", "program__name", "program__code"]
    date_hierarchy = "applied_at"
    autocomplete_fields = ["resident", "program"]
    readonly_fields = ["decided_at", "decided_by"]
    list_select_related = ["resident", "program"]
    inlines = [ProgramApplicationEventInline]
