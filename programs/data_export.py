"""A resident's program applications in their own data download (residents/data_export.py, PIPA right
of access); registered from ProgramsConfig.ready()."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guro_jobs.timeline import timeline_prefetch
from programs.models import ProgramApplication, ProgramApplicationEvent
from residents.data_export import _record, register_section


def _program_applications(resident):
    applications = (
        ProgramApplication.objects.filter(resident=resident)
        .select_related("program")
        .prefetch_related(timeline_prefetch(ProgramApplicationEvent))
    )
    fields = ["program", "status", "priority_score", "waitlist_position", "decision_reason", "applied_at"]
    return [
        {
            **_record(application, [*fields, "decided_at"]),
            _("처리 이력"): [
                _record(event, ["occurred_at", "status", "reason"]) for event in application.events.all()
            ],
        }
        for application in applications
    ]


def register():
    register_section(
        key="program_applications",
        title=gettext_lazy("사업 참여 신청"),
        models=["programs.ProgramApplication", "programs.ProgramApplicationEvent"],
        builder=_program_applications,
        order=50,
    )
