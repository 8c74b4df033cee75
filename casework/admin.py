"""Casework in the admin, Korean first; adding a note or a referral goes through the services."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from audit.models import PersonalDataAccess
from audit.services import log_access
from casework import services
from casework.models import (
    NOTE_TEMPLATE_TEXT,
    CaseAssignment,
    CaseNote,
    FollowingJob,
    FollowUpTask,
    HireTraining,
    NoteTemplate,
    Referral,
    Team,
)

Action = PersonalDataAccess.Action


class ResidentRecordAdminMixin:
    """Opening a case record in the admin is written to the personal-data access log."""

    log_target = ""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            record = self.get_object(request, object_id)
            if record is not None:
                log_access(
                    request=request, action=Action.VIEW, resident=record.resident, target=self.log_target
                )
        return response


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "sort_order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "description"]
    filter_horizontal = ["members"]


@admin.register(CaseAssignment)
class CaseAssignmentAdmin(ResidentRecordAdminMixin, admin.ModelAdmin):
    log_target = _("사례 담당 배정")
    list_display = ["resident", "counsellor", "team", "assigned_at", "assigned_by"]
    list_filter = ["team"]
    search_fields = ["resident__name", "counsellor__username", "counsellor__last_name"]
    autocomplete_fields = ["resident", "counsellor"]
    readonly_fields = ["assigned_at", "assigned_by"]
    list_select_related = ["resident", "counsellor", "team", "assigned_by"]

    def save_model(self, request, obj, form, change):
        assignment = services.assign_case(
            resident=obj.resident, counsellor=obj.counsellor, team=obj.team, by=request.user
        )
        obj.pk = assignment.pk


@admin.register(CaseNote)
class CaseNoteAdmin(ResidentRecordAdminMixin, admin.ModelAdmin):
    """New notes start from the chosen template's headings (?template=initial_interview)."""

    log_target = _("상담 기록")
    list_display = ["resident", "template", "written_at", "author"]
    list_filter = ["template"]
    search_fields = ["resident__name", "body"]
    autocomplete_fields = ["resident"]
    readonly_fields = ["written_at", "author"]
    fields = ["resident", "template", "body", "written_at", "author"]
    list_select_related = ["resident", "author"]
    date_hierarchy = "written_at"

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        template = request.GET.get("template", NoteTemplate.INITIAL_INTERVIEW)
        if template in NoteTemplate.values:
            initial.setdefault("template", template)
            initial.setdefault("body", str(NOTE_TEMPLATE_TEXT[template]))
        return initial

    def has_change_permission(self, request, obj=None):
        # A note stands as written; a correction is a new note.
        return (
            False
            if obj is not None and obj.author_id != request.user.pk
            else super().has_change_permission(request, obj)
        )

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        note = services.add_case_note(
            resident=obj.resident, template=obj.template, body=obj.body, by=request.user
        )
        obj.pk = note.pk


@admin.register(FollowUpTask)
class FollowUpTaskAdmin(admin.ModelAdmin):
    list_display = ["resident", "title", "due_on", "assignee", "done_at"]
    list_filter = [("done_at", admin.EmptyFieldListFilter), "due_on"]
    search_fields = ["resident__name", "title"]
    autocomplete_fields = ["resident", "assignee"]
    readonly_fields = ["created_at", "created_by", "done_at", "done_by"]
    list_select_related = ["resident", "assignee"]
    actions = ["mark_done"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("선택한 후속 조치를 완료로 표시"))
    def mark_done(self, request, queryset):
        for task in queryset:
            services.complete_follow_up_task(task=task, by=request.user)
        messages.success(request, _("완료로 표시했습니다."))


@admin.register(Referral)
class ReferralAdmin(ResidentRecordAdminMixin, admin.ModelAdmin):
    log_target = _("내부 의뢰")
    list_display = [
        "resident",
        "receiver_label",
        "status",
        "referred_by",
        "created_at",
        "responded_by",
        "responded_at",
    ]
    list_filter = ["status", "to_team"]
    search_fields = ["resident__name", "reason"]
    autocomplete_fields = ["resident", "to_counsellor", "to_program", "to_employer"]
    readonly_fields = ["status", "referred_by", "created_at", "responded_by", "responded_at", "response_note"]
    list_select_related = [
        "resident",
        "to_team",
        "to_counsellor",
        "to_program",
        "to_employer",
        "referred_by",
        "responded_by",
    ]
    actions = ["accept"]

    @admin.display(description=_("받는 곳"))
    def receiver_label(self, referral):
        return referral.receiver_label

    def has_change_permission(self, request, obj=None):
        # Answers go through accept / return (the staff pages or the API), not by editing.
        return False if obj is not None else super().has_change_permission(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        user = request.user

        class ReferralForm(form):
            def _post_clean(self):
                self.instance.referred_by = user  # so the model's rules know who refers
                super()._post_clean()

        return ReferralForm

    def save_model(self, request, obj, form, change):
        referral = services.refer_resident(
            resident=obj.resident,
            by=request.user,
            reason=obj.reason,
            to_team=obj.to_team,
            to_counsellor=obj.to_counsellor,
            to_program=obj.to_program,
            to_employer=obj.to_employer,
        )
        obj.pk = referral.pk

    @admin.action(description=_("선택한 의뢰 수락"))
    def accept(self, request, queryset):
        for referral in queryset:
            try:
                services.accept_referral(referral=referral, by=request.user)
            except (ValidationError, PermissionDenied) as error:
                messages.error(request, f"{referral}: {' '.join(getattr(error, 'messages', [str(error)]))}")


@admin.register(FollowingJob)
class FollowingJobAdmin(admin.ModelAdmin):
    list_display = ["program_application", "placement", "recorded_by", "recorded_at"]
    search_fields = ["program_application__resident__name", "program_application__program__name"]
    autocomplete_fields = ["program_application", "placement"]
    readonly_fields = ["recorded_at", "recorded_by"]
    list_select_related = [
        "program_application__resident",
        "program_application__program",
        "placement__resident",
    ]

    def save_model(self, request, obj, form, change):
        link = services.link_following_job(
            program_application=obj.program_application, placement=obj.placement, by=request.user
        )
        obj.pk = link.pk


@admin.register(HireTraining)
class HireTrainingAdmin(admin.ModelAdmin):
    list_display = ["placement", "kind", "hours", "completed_on", "recorded_by"]
    list_filter = ["kind", "completed_on"]
    search_fields = ["placement__resident__name", "placement__employer__name"]
    autocomplete_fields = ["placement"]
    readonly_fields = ["recorded_by"]
    list_select_related = ["placement__resident", "placement__employer"]

    def save_model(self, request, obj, form, change):
        obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
