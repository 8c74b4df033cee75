from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.admin_mixins import LogsResidentAccessMixin
from guro_jobs.admin_extension import extend_admin
from programs import services
from programs.models import (
    PlacePool,
    Program,
    ProgramApplication,
    ProgramApplicationEvent,
    ProgramPriorityWeight,
)
from programs.selection import TIE_BREAK_RULE, places_taken, rank_applications
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
class ProgramAdmin(SpreadsheetExportMixin, admin.ModelAdmin):
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

    @admin.display(description=gettext_lazy("선발 검토"))
    def selection_link(self, program):
        if not program.pk:
            return "-"
        url = reverse("admin:programs_program_selection", args=[program.pk])
        return format_html('<a href="{}">{}</a>', url, _("신청자 점수·선발 검토 화면 열기"))

    @admin.action(description=gettext_lazy("우선순위 점수로 선발하기 (정원까지 선발, 나머지 대기)"))
    def select_participants_action(self, request, queryset):
        for program in queryset:
            try:
                outcome = services.select_participants(program=program, by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{program}: {' '.join(error.messages)}", messages.ERROR)
            else:
                self.message_user(request, f"{program}: {outcome.summary()}", messages.SUCCESS)

    def get_urls(self):
        view = self.admin_site.admin_view(self.selection_view)
        return [
            path("<int:program_id>/selection/", view, name="programs_program_selection")
        ] + super().get_urls()

    def selection_view(self, request, program_id):
        """The review page: every applicant's score and the reasons, and the button to select."""
        program = get_object_or_404(Program, pk=program_id)
        if not self.has_view_permission(request, program):
            raise PermissionDenied
        if request.method == "POST":
            if not self.has_change_permission(request, program):
                raise PermissionDenied
            self.select_participants_action(request, Program.objects.filter(pk=program.pk))
            return redirect("admin:programs_program_selection", program_id=program.pk)
        statuses = [
            ProgramApplication.Status.ELIGIBLE,
            ProgramApplication.Status.WAITLISTED,
            ProgramApplication.Status.SELECTED,
            ProgramApplication.Status.ACTIVE,
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("%(program)s 선발 검토") % {"program": program},
            "program": program,
            "ranked": rank_applications(program, statuses=statuses),
            "places_taken": places_taken(program),
            "tie_break_rule": TIE_BREAK_RULE,
            "weights": program.priority_weights.select_related("priority_group"),
            "can_select": self.has_change_permission(request, program),
        }
        return TemplateResponse(request, "admin/programs/program/selection.html", context)


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
