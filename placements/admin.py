from django.contrib import admin

from placements.models import JobApplication, JobApplicationEvent, Placement, RetentionCheck
from spreadsheets.admin_export import SpreadsheetExportMixin


class JobApplicationEventInline(admin.TabularInline):
    model = JobApplicationEvent
    extra = 0
    can_delete = False
    readonly_fields = ["status", "note", "occurred_at", "actor"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(JobApplication)
class JobApplicationAdmin(SpreadsheetExportMixin, admin.ModelAdmin):
    list_display = ["resident", "vacancy", "status", "referred_by", "created_at", "status_changed_at"]
    list_filter = ["status", "vacancy__employer__kind"]
    search_fields = ["resident__name", "vacancy__title", "vacancy__employer__name"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["resident", "vacancy"]
    readonly_fields = ["referred_by", "status_changed_at"]
    list_select_related = ["resident", "vacancy", "referred_by"]
    inlines = [JobApplicationEventInline]


class RetentionCheckInline(admin.TabularInline):
    model = RetentionCheck
    extra = 0
    fields = ["months_after_start", "due_on", "checked_on", "still_employed", "note"]


@admin.register(Placement)
class PlacementAdmin(SpreadsheetExportMixin, admin.ModelAdmin):
    list_display = [
        "resident",
        "source",
        "sector",
        "employer",
        "program",
        "started_on",
        "monthly_wage",
        "guro_resident_at_hire",
        "dong_at_hire",
    ]
    list_filter = [
        "sector",
        "source",
        "guro_resident_at_hire",
        "dong_at_hire",
        "program__kind",
        "employer__kind",
        "employer__in_digital_valley",
    ]
    search_fields = ["resident__name", "employer__name", "program__name"]
    date_hierarchy = "started_on"
    autocomplete_fields = [
        "resident",
        "employer",
        "agreement",
        "program",
        "job_application",
        "program_application",
        "dong_at_hire",
        "priority_groups",
    ]
    readonly_fields = ["recorded_at", "recorded_by"]
    list_select_related = ["resident", "employer", "program", "dong_at_hire"]
    inlines = [RetentionCheckInline]


@admin.register(RetentionCheck)
class RetentionCheckAdmin(SpreadsheetExportMixin, admin.ModelAdmin):
    list_display = ["placement", "months_after_start", "due_on", "checked_on", "still_employed"]
    list_filter = ["months_after_start", "still_employed", ("checked_on", admin.EmptyFieldListFilter)]
    search_fields = ["placement__resident__name"]
    date_hierarchy = "due_on"
    autocomplete_fields = ["placement"]
    list_select_related = ["placement__resident"]
