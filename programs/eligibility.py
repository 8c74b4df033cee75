"""The one eligibility engine: the resident's self-check, staff selection and the API all use it.

Each rule of a program (data on the Program row) gives a RuleResult that says, in plain Korean,
whether it passed and why. A resident is eligible when every rule passes.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from references.choices import EducationLevel, EmploymentStatus


@dataclass(frozen=True)
class RuleResult:
    rule: str
    passed: bool
    message: str


@dataclass
class EligibilityResult:
    results: list[RuleResult] = field(default_factory=list)

    @property
    def eligible(self):
        return all(result.passed for result in self.results)

    @property
    def passed(self):
        return [r for r in self.results if r.passed]

    @property
    def failed(self):
        return [r for r in self.results if not r.passed]

    def summary(self):
        """One Korean sentence per rule, failed ones first: the reason stored with a decision."""
        lines = [r.message for r in self.failed] or [r.message for r in self.passed]
        return " ".join(lines)


def _age_rule(program, resident, on_day):
    if program.min_age is None and program.max_age is None:
        return None
    age = resident.age_on(on_day)
    if program.min_age is not None and program.max_age is not None:
        requirement = _("만 %(min)s세 이상 %(max)s세 이하") % {"min": program.min_age, "max": program.max_age}
    elif program.min_age is not None:
        requirement = _("만 %(min)s세 이상") % {"min": program.min_age}
    else:
        requirement = _("만 %(max)s세 이하") % {"max": program.max_age}
    ok = (program.min_age is None or age >= program.min_age) and (
        program.max_age is None or age <= program.max_age
    )
    if ok:
        message = _("나이 조건(%(req)s)을 충족합니다. (만 %(age)s세)") % {"req": requirement, "age": age}
    else:
        message = _("%(req)s만 신청할 수 있습니다. 현재 만 %(age)s세입니다.") % {
            "req": requirement,
            "age": age,
        }
    return RuleResult("age", ok, message)


def _residency_rule(program, resident, on_day):
    if not program.requires_guro_residency:
        return None
    if resident.lives_in_guro:
        return RuleResult("residency", True, _("구로구 주민입니다. (%(dong)s)") % {"dong": resident.dong})
    return RuleResult("residency", False, _("구로구 주민만 신청할 수 있습니다."))


def _employment_rule(program, resident, on_day):
    allowed = program.allowed_employment_statuses or []
    if not allowed:
        return None
    labels = ", ".join(str(EmploymentStatus(value).label) for value in allowed)
    current = EmploymentStatus(resident.employment_status).label
    if resident.employment_status in allowed:
        return RuleResult(
            "employment_status",
            True,
            _("고용 상태 조건(%(labels)s)을 충족합니다.") % {"labels": labels},
        )
    return RuleResult(
        "employment_status",
        False,
        _("%(labels)s인 분만 신청할 수 있습니다. 현재 고용 상태: %(current)s.")
        % {"labels": labels, "current": current},
    )


def _education_rule(program, resident, on_day):
    if not program.min_education:
        return None
    required = EducationLevel(program.min_education).label
    if EducationLevel.rank(resident.education_level) >= EducationLevel.rank(program.min_education):
        return RuleResult("education", True, _("학력 조건(%(req)s 이상)을 충족합니다.") % {"req": required})
    return RuleResult("education", False, _("%(req)s 이상의 학력이 필요합니다.") % {"req": required})


def _priority_group_rule(program, resident, on_day, required_groups, resident_groups):
    if not required_groups:
        return None
    names = ", ".join(group.name for group in required_groups)
    matched = [group.name for group in required_groups if group.pk in resident_groups]
    if matched:
        return RuleResult(
            "priority_group",
            True,
            _("신청 자격 대상(%(groups)s)에 해당합니다.") % {"groups": ", ".join(matched)},
        )
    return RuleResult(
        "priority_group",
        False,
        _("%(groups)s 중 하나에 해당해야 신청할 수 있습니다.") % {"groups": names},
    )


# A job seeker counts as long-term unemployed (장기 실업자) after this many months without work.
LONG_TERM_UNEMPLOYED_MONTHS = 6


def months_unemployed(resident, on_day=None):
    """Full months since the resident's job search started (0 when employed or unknown)."""
    if resident.employment_status == EmploymentStatus.EMPLOYED or not resident.unemployed_since:
        return 0
    on_day = on_day or timezone.localdate()
    start = resident.unemployed_since
    months = (on_day.year - start.year) * 12 + on_day.month - start.month - (on_day.day < start.day)
    return max(months, 0)


def verified_priority_group_ids(resident, on_day=None):
    """The priority groups a resident claimed that staff verified with a document and whose
    verification has not expired; unverified or expired claims add nothing anywhere.
    Uses the claims prefetched as `residentprioritygroup_set` when there are any."""
    from residents.models import ResidentPriorityGroup

    prefetched = getattr(resident, "_prefetched_objects_cache", {}).get("residentprioritygroup_set")
    if prefetched is not None:
        return {
            claim.priority_group_id
            for claim in prefetched
            if claim.state_on(on_day) == ResidentPriorityGroup.State.VERIFIED
        }
    return set(
        ResidentPriorityGroup.objects.filter(resident=resident)
        .counting(on_day)
        .values_list("priority_group_id", flat=True)
    )


def finished_hope_work(resident):
    """Whether the resident completed a Hope Work program (희망근로 종료자): community jobs favour them."""
    from programs.models import Program, ProgramApplication

    return ProgramApplication.objects.filter(
        resident=resident, program__kind=Program.Kind.HOPE_WORK, status=ProgramApplication.Status.COMPLETED
    ).exists()


def resident_priority_group_ids(resident):
    """Priority groups a resident belongs to: verified claims (verified_priority_group_ids), and
    those that follow from age, from the length of the job search (장기 실업) and from having
    finished Hope Work (희망근로 종료자)."""
    from references.models import PriorityGroup

    ids = verified_priority_group_ids(resident)
    age = resident.age_on()
    derived = []
    if age >= 65:
        derived.append("senior")
    if 15 <= age <= 34:
        derived.append("youth")
    if months_unemployed(resident) >= LONG_TERM_UNEMPLOYED_MONTHS:
        derived.append("long_term_unemployed")
    if finished_hope_work(resident):
        derived.append("hope_work_finisher")
    if derived:
        ids |= set(PriorityGroup.objects.filter(code__in=derived).values_list("pk", flat=True))
    return ids


def check_eligibility(*, program, resident, on_day=None, resident_groups=None):
    """Check every rule of a program for a resident; explains each rule in Korean."""
    on_day = on_day or timezone.localdate()
    if resident_groups is None:
        resident_groups = resident_priority_group_ids(resident)
    required_groups = list(program.required_priority_groups.all())
    results = [
        _age_rule(program, resident, on_day),
        _residency_rule(program, resident, on_day),
        _employment_rule(program, resident, on_day),
        _education_rule(program, resident, on_day),
        _priority_group_rule(program, resident, on_day, required_groups, resident_groups),
    ]
    return EligibilityResult([result for result in results if result is not None])
