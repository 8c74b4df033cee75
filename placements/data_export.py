"""A resident's job applications, placements and retention checks in their own data download
(residents/data_export.py, PIPA right of access); registered from PlacementsConfig.ready()."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guro_jobs.timeline import timeline_prefetch
from placements.models import (
    ApplicantNote,
    ApplicationResume,
    JobApplication,
    JobApplicationEvent,
    Placement,
    RetentionCheck,
)
from residents.data_export import _label, _record, day, register_section, when, yes_no


def _job_applications(resident):
    applications = (
        JobApplication.objects.filter(resident=resident)
        .select_related("vacancy__employer")
        .prefetch_related(timeline_prefetch(JobApplicationEvent))
    )
    return [
        {
            _label(JobApplication, "vacancy"): application.vacancy.title,
            _("기업"): application.vacancy.employer.name,
            **_record(application, ["status", "created_at", "status_changed_at"]),
            _("구청 알선"): yes_no(application.referred_by_id is not None),
            _("처리 이력"): [
                _record(event, ["occurred_at", "status", "note"]) for event in application.events.all()
            ],
        }
        for application in applications
    ]


PLACEMENT_FIELDS = [
    "source",
    "sector",
    "employer",
    "agreement",
    "program",
    "started_on",
    "ended_on",
    "monthly_wage",
    "guro_resident_at_hire",
    "dong_at_hire",
    "gender",
    "age_at_hire",
    "recorded_at",
    "status",
    "cancelled_at",
    "cancellation_reason",
]


def _placements(resident):
    placements = Placement.objects.filter(resident=resident).select_related(
        "employer", "agreement__employer", "program", "dong_at_hire"
    )
    return [
        {
            **_record(placement, PLACEMENT_FIELDS),
            _label(Placement, "priority_groups"): [group.name for group in placement.priority_groups.all()],
        }
        for placement in placements.prefetch_related("priority_groups")
    ]


def _retention_checks(resident):
    checks = RetentionCheck.objects.filter(placement__resident=resident).select_related(
        "placement__employer", "placement__program"
    )
    return [
        {
            _label(RetentionCheck, "placement"): str(
                check.placement.employer or check.placement.program or ""
            ),
            _("근무 시작일"): day(check.placement.started_on),
            **_record(check, ["months_after_start", "due_on", "checked_on", "still_employed", "note"]),
        }
        for check in checks.order_by("placement__started_on", "months_after_start")
    ]


def application_resume_records(resident):
    records = []
    snapshots = ApplicationResume.objects.filter(application__resident=resident).select_related(
        "application__vacancy__employer"
    )
    for snapshot in snapshots.order_by("taken_at", "id"):
        vacancy = snapshot.application.vacancy
        records.append(
            {
                _("기록"): str(ApplicationResume._meta.verbose_name),
                _("채용 공고"): f"{vacancy.employer.name} · {vacancy.title}",
                _("이력서 제목"): snapshot.content.get("title", ""),
                **_record(snapshot, ["file_name", "taken_at"]),
            }
        )
    notes = ApplicantNote.objects.filter(application__resident=resident).select_related("employer")
    for note in notes.order_by("created_at", "id"):
        records.append(
            {
                _("기록"): str(ApplicantNote._meta.verbose_name),
                _("기업"): note.employer.name,
                _("작성 일시"): when(note.created_at),
            }
        )
    return records


def register():
    register_section(
        key="job_applications",
        title=gettext_lazy("채용 지원"),
        models=["placements.JobApplication", "placements.JobApplicationEvent"],
        builder=_job_applications,
        order=40,
    )
    register_section(
        key="placements",
        title=gettext_lazy("취업·참여 실적"),
        models=["placements.Placement"],
        builder=_placements,
        order=60,
    )
    register_section(
        key="retention_checks",
        title=gettext_lazy("고용 유지 확인"),
        models=["placements.RetentionCheck"],
        builder=_retention_checks,
        order=70,
    )
    register_section(
        key="application_resumes",
        title=gettext_lazy("지원할 때 보낸 이력서와 기업 메모"),
        models=["placements.ApplicationResume", "placements.ApplicantNote"],
        builder=application_resume_records,
        order=45,
    )
