"""Reading casework: a case's chronological history, the staff home, caseloads, referral figures."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from accounts.models import User
from casework.models import CaseAssignment, CaseNote, FollowUpTask, Referral, Team
from placements.models import JobApplicationEvent, Placement, RetentionCheck
from programs.models import ProgramApplicationEvent
from residents.models import PriorityVerification, Resident
from residents.selectors import claims_to_reverify


@dataclass(frozen=True)
class HistoryEntry:
    occurred_at: datetime.datetime
    kind: str  # note, program, job, referral, placement, retention, verification
    kind_label: str
    title: str
    detail: str = ""
    actor: str = ""


def _at_start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _actor(user):
    return str(user) if user else ""


def case_history(resident):
    """Everything that happened in a resident's case, oldest first: notes, program and job
    application steps, referrals and their answers, placements, retention checks and document checks."""
    entries = []
    for note in CaseNote.objects.filter(resident=resident).select_related("author"):
        entries.append(
            HistoryEntry(
                note.written_at,
                "note",
                _("상담 기록"),
                note.get_template_display(),
                note.body,
                _actor(note.author),
            )
        )
    for event in ProgramApplicationEvent.objects.of_resident(resident).select_related(
        "application__program", "actor"
    ):
        entries.append(
            HistoryEntry(
                event.occurred_at,
                "program",
                _("일자리 사업"),
                f"{event.application.program} · {event.get_status_display()}",
                event.explanation,
                _actor(event.actor),
            )
        )
    for event in JobApplicationEvent.objects.of_resident(resident).select_related(
        "application__vacancy__employer", "actor"
    ):
        vacancy = event.application.vacancy
        entries.append(
            HistoryEntry(
                event.occurred_at,
                "job",
                _("채용 지원"),
                f"{vacancy.employer.name} · {vacancy.title} · {event.get_status_display()}",
                event.explanation,
                _actor(event.actor),
            )
        )
    for referral in referrals_with_receivers().filter(resident=resident):
        entries.append(
            HistoryEntry(
                referral.created_at,
                "referral",
                _("내부 의뢰"),
                _("%(to)s에 의뢰") % {"to": referral.receiver_label},
                referral.reason,
                _actor(referral.referred_by),
            )
        )
        if referral.responded_at:
            entries.append(
                HistoryEntry(
                    referral.responded_at,
                    "referral",
                    _("내부 의뢰"),
                    _("%(to)s: %(status)s")
                    % {"to": referral.receiver_label, "status": referral.get_status_display()},
                    referral.response_note,
                    _actor(referral.responded_by),
                )
            )
    for placement in Placement.objects.filter(resident=resident).select_related("employer", "program"):
        where = placement.employer.name if placement.employer else str(placement.program)
        entries.append(
            HistoryEntry(
                _at_start_of(placement.started_on),
                "placement",
                _("취업·참여"),
                f"{placement.get_source_display()} · {where}",
                "",
                _actor(placement.recorded_by),
            )
        )
    for check in RetentionCheck.objects.filter(
        placement__resident=resident, checked_on__isnull=False
    ).select_related("checked_by"):
        result = _("고용 유지") if check.still_employed else _("고용 종료")
        entries.append(
            HistoryEntry(
                _at_start_of(check.checked_on),
                "retention",
                _("고용 유지 확인"),
                f"{check.get_months_after_start_display()} · {result}",
                check.note,
                _actor(check.checked_by),
            )
        )
    for verification in PriorityVerification.objects.filter(resident=resident).select_related(
        "priority_group", "verified_by"
    ):
        until = verification.valid_until.isoformat() if verification.valid_until else _("기한 없음")
        entries.append(
            HistoryEntry(
                verification.verified_at,
                "verification",
                _("우선 지원 대상 확인"),
                f"{verification.priority_group.name} · {verification.get_document_type_display()}",
                _("유효 기간: %(until)s") % {"until": until},
                _actor(verification.verified_by),
            )
        )
    entries.sort(key=lambda entry: entry.occurred_at)
    return entries


def case_summary(resident):
    """The resident with their assignment and claims loaded, for the top of the case page."""
    return (
        Resident.objects.select_related("dong", "case_assignment__counsellor", "case_assignment__team")
        .prefetch_related(
            "residentprioritygroup_set__priority_group", "residentprioritygroup_set__verified_by"
        )
        .get(pk=resident.pk)
    )


def open_tasks_of(resident):
    return FollowUpTask.objects.filter(resident=resident, done_at__isnull=True).select_related("assignee")


def referrals_with_receivers():
    return Referral.objects.select_related(
        "resident", "referred_by", "to_team", "to_counsellor", "to_program", "to_employer", "responded_by"
    )


def referrals_waiting_for(user):
    """Referrals not yet answered that this staff member may answer."""
    teams = Team.objects.filter(members=user)
    return (
        referrals_with_receivers()
        .filter(status=Referral.Status.MADE)
        .exclude(referred_by=user)
        .filter(
            Q(to_counsellor=user)
            | Q(to_counsellor__isnull=True, to_team__in=teams)
            | Q(to_counsellor__isnull=True, to_team__isnull=True)
        )
        .order_by("created_at", "pk")
    )


@dataclass
class StaffHome:
    overdue_tasks: list
    due_today_tasks: list
    retention_checks: list
    claims_to_renew: list
    referrals: list


def staff_home(user, on_day=None):
    """오늘 할 일: my overdue and due tasks, retention checks due for my cases, verifications to
    renew for my cases, and referrals waiting for my answer."""
    on_day = on_day or timezone.localdate()
    tasks = FollowUpTask.objects.filter(
        assignee=user, done_at__isnull=True, due_on__lte=on_day
    ).select_related("resident")
    my_residents = CaseAssignment.objects.filter(counsellor=user).values("resident")
    checks = (
        RetentionCheck.objects.filter(
            checked_on__isnull=True, due_on__lte=on_day, placement__resident__in=my_residents
        )
        .select_related("placement__resident", "placement__employer", "placement__program")
        .order_by("due_on", "pk")
    )
    claims = claims_to_reverify(on_day).filter(resident__in=my_residents)
    return StaffHome(
        overdue_tasks=[task for task in tasks if task.due_on < on_day],
        due_today_tasks=[task for task in tasks if task.due_on == on_day],
        retention_checks=list(checks[:100]),
        claims_to_renew=list(claims[:100]),
        referrals=list(referrals_waiting_for(user)[:100]),
    )


def caseload_by_counsellor():
    """Per staff member: cases assigned, and their open and overdue follow-up tasks."""
    today = timezone.localdate()
    return (
        User.objects.filter(Q(groups__name=roles.DISTRICT_STAFF) | Q(case_assignments__isnull=False))
        .distinct()
        .annotate(
            cases=Count("case_assignments", distinct=True),
            open_tasks=Count(
                "follow_up_tasks", filter=Q(follow_up_tasks__done_at__isnull=True), distinct=True
            ),
            overdue_tasks=Count(
                "follow_up_tasks",
                filter=Q(follow_up_tasks__done_at__isnull=True, follow_up_tasks__due_on__lt=today),
                distinct=True,
            ),
        )
        .order_by("-cases", "username")
    )


def caseload_by_team():
    """Per team: cases assigned and members."""
    return Team.objects.annotate(
        case_count=Count("cases", distinct=True), member_count=Count("members", distinct=True)
    ).order_by("sort_order", "name")


def caseload_of(*, counsellor=None, team=None):
    """The residents assigned to a counsellor or a team, with their open tasks counted."""
    assignments = CaseAssignment.objects.select_related("resident__dong", "counsellor", "team")
    if counsellor is not None:
        assignments = assignments.filter(counsellor=counsellor)
    if team is not None:
        assignments = assignments.filter(team=team)
    return assignments.annotate(
        open_tasks=Count(
            "resident__follow_up_tasks", filter=Q(resident__follow_up_tasks__done_at__isnull=True)
        )
    ).order_by("resident__name", "pk")


def referral_figures(year=None):
    """Referrals made, accepted, returned, and accepted ones followed by a placement of the same
    resident starting on or after the day of the referral (the dashboard's referral outcomes)."""
    referrals = Referral.objects.all()
    if year is not None:
        referrals = referrals.filter(created_at__year=year)
    placed = Placement.objects.filter(
        resident=OuterRef("resident"), started_on__gte=OuterRef("day"), status=Placement.Status.STANDING
    )
    figures = referrals.aggregate(
        made=Count("id"),
        accepted=Count("id", filter=Q(status=Referral.Status.ACCEPTED)),
        returned=Count("id", filter=Q(status=Referral.Status.RETURNED)),
    )
    figures["placed"] = (
        referrals.filter(status=Referral.Status.ACCEPTED)
        .annotate(day=TruncDate("created_at"))
        .filter(Exists(placed))
        .count()
    )
    return figures


def conversion_figures(year, kind):
    """Participants of a year's programs of a kind (youth internships, job training) who
    finished, and how many of them went on to a job (linked by staff)."""
    from programs.models import ProgramApplication

    finished = ProgramApplication.objects.filter(
        program__year=year, program__kind=kind, status=ProgramApplication.Status.COMPLETED
    )
    figures = finished.aggregate(finished=Count("id"), hired=Count("following_job"))
    figures["rate"] = round(figures["hired"] * 100 / figures["finished"], 1) if figures["finished"] else None
    return figures


def hire_training_figures(year):
    """Training after hiring completed in a year, by kind."""
    from casework.models import HireTraining

    counts = dict(
        HireTraining.objects.filter(completed_on__year=year)
        .values_list("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    return [(label, counts.get(value, 0)) for value, label in HireTraining.Kind.choices]


def digital_valley_figures(year):
    """Local hires of Digital Valley firms in a year, and how many were students of partner schools."""
    local = Placement.objects.filter(
        started_on__year=year,
        employer__in_digital_valley=True,
        guro_resident_at_hire=True,
        status=Placement.Status.STANDING,
    )
    return {
        "local_hires": local.count(),
        "partner_school_students": local.filter(resident__partner_schools__isnull=False).distinct().count(),
    }


def dashboard_figures(year):
    """The casework figures the dashboard shows for a year."""
    return {
        "referrals": referral_figures(year),
        "internships": conversion_figures(year, "youth_internship"),
        "training": conversion_figures(year, "job_training"),
        "hire_training": hire_training_figures(year),
        "digital_valley": digital_valley_figures(year),
    }


# The dashboard reads its figures from snapshots, not from the records on every view; the casework
# figures are counted at most once per this many seconds per year and kept in the cache.
DASHBOARD_FIGURES_SECONDS = 600


def cached_dashboard_figures(year):
    """dashboard_figures(year), counted again at most every DASHBOARD_FIGURES_SECONDS."""
    from django.core.cache import cache

    key = f"casework:dashboard-figures:{year}"
    figures = cache.get(key)
    if figures is None:
        figures = dashboard_figures(year)
        cache.set(key, figures, DASHBOARD_FIGURES_SECONDS)
    return figures
