from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.admin_mixins import LogsResidentAccessMixin
from guro_jobs.admin_extension import extend_admin
from programs import services
from programs.admin_selection import ProgramSelectionMixin
from programs.models import (
    PlacePool,
    Program,
    ProgramApplication,
    ProgramApplicationEvent,
    ProgramPriorityWeight,
)
from residents.admin import ConsentRecordInline
from residents.models import Resident
from spreadsheets.admin_export import SpreadsheetExportMixin


@admin.register(PlacePool)
class PlacePoolAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "capacity"]
    list_filter = ["year"]
    search_fields = ["name"]


class ProgramPriorityWeightInline(admin.TabularInline):
    model = ProgramPriorityWeight
    extra = 0
    autocomplete_fields = ["priority_group"]


@admin.register(Program)
class ProgramAdmin(ProgramSelectionMixin, SpreadsheetExportMixin, admin.ModelAdmin):
    # The selection review page, its link and the select action: programs/admin_selection.py.
    list_display = [
        "code",
        "name",
        "kind",
        "sector",
        "year",
        "capacity",
        "capacity_source",
        "place_pool",
        "starts_on",
        "ends_on",
        "is_published",
    ]
    list_filter = ["year", "kind", "sector", "is_published", "capacity_source", "place_pool"]
    search_fields = ["code", "name", "name_en"]
    autocomplete_fields = ["required_priority_groups", "skills_taught"]
    inlines = [ProgramPriorityWeightInline]
    actions = ["select_participants_action"]
    readonly_fields = ["selection_link"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "code",
                    "name",
                    "name_en",
                    "kind",
                    "sector",
                    "year",
                    "description",
                    "is_published",
                    "selection_link",
                ]
            },
        ),
        (
            "정원·기간·임금",
            {
                "fields": [
                    "capacity",
                    "capacity_source",
                    "place_pool",
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
                    "skills_taught",
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
class ProgramApplicationAdmin(LogsResidentAccessMixin, SpreadsheetExportMixin, admin.ModelAdmin):
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
    actions = ["drop_participant_action"]

    @admin.action(description=gettext_lazy("중도 포기 처리 (대기 1번을 선발)"))
    def drop_participant_action(self, request, queryset):
        for application in queryset.select_related("resident", "program"):
            try:
                promoted = services.drop_participant(
                    application=application, by=request.user, reason=_("직원이 중도 포기로 처리했습니다.")
                )
            except ValidationError as error:
                self.message_user(request, f"{application}: {' '.join(error.messages)}", messages.ERROR)
                continue
            if promoted:
                text = _("%(name)s님 중도 포기, %(next)s님을 대기자에서 선발했습니다.") % {
                    "name": application.resident.name,
                    "next": promoted.resident.name,
                }
            else:
                text = _("%(name)s님 중도 포기. 대기자가 없습니다.") % {"name": application.resident.name}
            self.message_user(request, text, messages.SUCCESS)


class ProgramApplicationInline(admin.TabularInline):
    model = ProgramApplication
    extra = 0
    fields = ["program", "status", "priority_score", "applied_at"]
    readonly_fields = ["applied_at"]
    autocomplete_fields = ["program"]
    show_change_link = True


# The resident's admin page lists their program applications; residents cannot import programs.
extend_admin(Resident, inlines=[ProgramApplicationInline], before_inline=ConsentRecordInline)
