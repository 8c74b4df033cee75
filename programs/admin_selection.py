"""Selecting a program's participants in the admin: the review page with every applicant's priority
score and its reasons, the link to it from the program, and the action that selects (a service call)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programs import services
from programs.models import Program, ProgramApplication
from programs.selection import TIE_BREAK_RULE, places_taken, rank_applications


class ProgramSelectionMixin:
    """For ProgramAdmin: list `selection_link` in readonly_fields and `select_participants_action` in actions."""

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
