"""The priority score used to select program participants, and the ranking built on it (reads only).

The score is documented here once and shown to staff line by line:

- Each priority group the resident belongs to (programs.eligibility.resident_priority_group_ids,
  the same groups the eligibility engine uses: claims staff verified with a document that has not
  expired, and those derived from age and from a long job search) earns the points the program gives it (ProgramPriorityWeight: rules as data, e.g.
  기초생활수급자 +30 for community jobs, 65세 이상 +30 for senior jobs, 청년 +30 for internships).
- Months of job search add UNEMPLOYMENT_POINTS_PER_MONTH a month, up to UNEMPLOYMENT_POINTS_CAP,
  so that among people in the same groups the one who has waited longest comes first.
- Ties are broken by the earlier application (applied_at), then by the lower application id.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programs.eligibility import check_eligibility, months_unemployed, resident_priority_group_ids
from programs.models import ProgramApplication

UNEMPLOYMENT_POINTS_PER_MONTH = 1
UNEMPLOYMENT_POINTS_CAP = 12

TIE_BREAK_RULE = gettext_lazy(
    "점수가 같으면 먼저 신청한 사람, 신청 시각도 같으면 신청 번호가 빠른 사람이 앞섭니다."
)

# Applications that compete for places when staff run a selection.
CANDIDATE_STATUSES = [ProgramApplication.Status.ELIGIBLE, ProgramApplication.Status.WAITLISTED]
# Applications that hold a place in the program.
PLACE_HOLDING_STATUSES = [
    ProgramApplication.Status.SELECTED,
    ProgramApplication.Status.ACTIVE,
    ProgramApplication.Status.COMPLETED,
]


@dataclass(frozen=True)
class ScoreLine:
    label: str
    points: int


@dataclass
class Score:
    lines: list[ScoreLine] = field(default_factory=list)

    @property
    def total(self):
        return sum(line.points for line in self.lines)

    def explanation(self):
        """One Korean sentence listing where each point came from."""
        if not self.lines:
            return _("우선순위 점수 0점 (가점 항목에 해당하지 않음).")
        parts = ", ".join(f"{line.label} +{line.points}점" for line in self.lines)
        return _("우선순위 점수 %(total)s점: %(parts)s.") % {"total": self.total, "parts": parts}


def program_weights(program):
    """{priority group id: (group name, points)} for a program."""
    return {
        weight.priority_group_id: (weight.priority_group.name, weight.points)
        for weight in program.priority_weights.select_related("priority_group")
    }


def score_applicant(*, program, resident, weights=None, resident_groups=None, on_day=None):
    """The documented priority score of a resident for a program, with its reasons."""
    if weights is None:
        weights = program_weights(program)
    if resident_groups is None:
        resident_groups = resident_priority_group_ids(resident)
    lines = [
        ScoreLine(name, points)
        for group_id, (name, points) in sorted(weights.items(), key=lambda item: (-item[1][1], item[1][0]))
        if group_id in resident_groups and points
    ]
    months = months_unemployed(resident, on_day)
    bonus = min(months * UNEMPLOYMENT_POINTS_PER_MONTH, UNEMPLOYMENT_POINTS_CAP)
    if bonus:
        lines.append(ScoreLine(_("구직 기간 %(months)s개월") % {"months": months}, bonus))
    return Score(lines)


@dataclass
class RankedApplication:
    application: ProgramApplication
    score: Score
    eligibility: object  # programs.eligibility.EligibilityResult

    @property
    def eligible(self):
        return self.eligibility.eligible


def rank_key(ranked):
    application = ranked.application
    return (-ranked.score.total, application.applied_at, application.pk)


def rank_applications(program, statuses=None):
    """Every competing application of a program with its score and eligibility, best first.

    Eligibility is re-checked with the one engine, because a resident's situation may have
    changed since they applied; ineligible ones are listed last.
    """
    statuses = statuses or CANDIDATE_STATUSES
    weights = program_weights(program)
    applications = (
        program.applications.filter(status__in=statuses)
        .select_related("resident__dong")
        .prefetch_related("resident__residentprioritygroup_set")
    )
    ranked = []
    for application in applications:
        resident = application.resident
        groups = resident_priority_group_ids(resident)
        ranked.append(
            RankedApplication(
                application=application,
                score=score_applicant(
                    program=program, resident=resident, weights=weights, resident_groups=groups
                ),
                eligibility=check_eligibility(program=program, resident=resident, resident_groups=groups),
            )
        )
    ranked.sort(key=lambda item: (not item.eligible, *rank_key(item)))
    return ranked


def places_taken(program):
    return program.applications.filter(status__in=PLACE_HOLDING_STATUSES).count()


def free_places(program):
    """Places still open to a program: its own capacity and, when it shares a pool, the pool's
    capacity less every place held in the pool's programs. None when nothing limits it."""
    limits = []
    if program.capacity is not None:
        limits.append(program.capacity - places_taken(program))
    if program.place_pool_id is not None:
        taken = ProgramApplication.objects.filter(
            program__place_pool_id=program.place_pool_id, status__in=PLACE_HOLDING_STATUSES
        ).count()
        limits.append(program.place_pool.capacity - taken)
    return max(min(limits), 0) if limits else None
