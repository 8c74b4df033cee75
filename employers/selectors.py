"""Reading vacancies and employers, with the joins done so no page queries per row, and what an
employer may do with its vacancy."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.models import Vacancy


def open_vacancy_q(on_day=None):
    """A vacancy residents can see and apply to: open, and not past its closing date."""
    on_day = on_day or timezone.localdate()
    return Q(status=Vacancy.Status.OPEN) & (Q(closes_on__isnull=True) | Q(closes_on__gte=on_day))


def vacancy_refusal(vacancy, on_day=None):
    """Why residents may not apply to this vacancy now (the rule of `open_vacancy_q` for one
    vacancy, in Korean), or None when they may."""
    on_day = on_day or timezone.localdate()
    if vacancy.status != Vacancy.Status.OPEN:
        return _("모집 중인 공고에만 지원할 수 있습니다.")
    if vacancy.closes_on and vacancy.closes_on < on_day:
        return _("마감일이 지난 공고입니다.")
    return None


def open_vacancies():
    """Vacancies residents can see and apply to, with what the list and detail pages show."""
    return (
        Vacancy.objects.filter(open_vacancy_q())
        .select_related("employer", "occupation", "dong")
        .prefetch_related("required_skills")
    )


def listed_vacancies():
    """Open vacancies with what the search's rows show (employers/result_rows.py): their skills,
    which only the vacancy's own page shows, are not read."""
    return Vacancy.objects.filter(open_vacancy_q()).select_related("employer", "occupation", "dong")


@dataclass(frozen=True)
class VacancyAction:
    """One thing an employer may do with its vacancy now: a link (GET) or a button (POST) to
    `url_name` with the vacancy's id."""

    url_name: str
    label: str
    style: str  # the KRDS button variant
    method: str = "post"


# An employer edits only a draft; once submitted, only staff change it (services.save_employer_vacancy).
EMPLOYER_EDITABLE = {Vacancy.Status.DRAFT}


def employer_vacancy_actions(vacancy):
    """The buttons of the employer's vacancy page, in order: a draft is edited and submitted for
    review; an open vacancy is viewed as residents see it, closed, or marked filled."""
    Status = Vacancy.Status
    candidates = [
        (
            vacancy.status in EMPLOYER_EDITABLE,
            VacancyAction("employer:vacancy_edit", _("고치기"), "secondary", "get"),
        ),
        (
            vacancy.can_move_to(Status.PENDING_REVIEW),
            VacancyAction("employer:vacancy_submit", _("승인 요청"), "primary"),
        ),
        (
            vacancy.status == Status.OPEN,
            VacancyAction("vacancies:detail", _("게시된 공고 보기"), "secondary", "get"),
        ),
        (vacancy.can_move_to(Status.CLOSED), VacancyAction("employer:vacancy_close", _("마감"), "secondary")),
        (
            vacancy.can_move_to(Status.FILLED),
            VacancyAction("employer:vacancy_filled", _("채용 완료로 표시"), "secondary"),
        ),
    ]
    return [action for allowed, action in candidates if allowed]


def vacancies_of(employer):
    return (
        Vacancy.objects.filter(employer=employer)
        .select_related("occupation", "dong")
        .order_by("-created_at", "-id")
    )


def agreements_with_progress(employer):
    """An employer's agreements, each with `local_hires` (placements of Guro residents so far)."""
    from django.db.models import Count, Q

    from employers.models import Agreement

    agreements = list(
        Agreement.objects.filter(employer=employer)
        .annotate(
            local_hires=Count(
                "placements",
                # a cancelled (corrected) hire does not count (placements' Placement.Status.STANDING)
                filter=Q(placements__guro_resident_at_hire=True, placements__status="standing"),
            )
        )
        .order_by("-signed_on")
    )
    for agreement in agreements:
        quota = agreement.local_hire_quota
        agreement.progress_percent = min(round(agreement.local_hires * 100 / quota), 100) if quota else 0
    return agreements


def verified_local_hire_q(prefix=""):
    """A placement of a Guro resident that the 1-month retention check found still employed."""
    from django.db.models import Q

    return Q(
        **{
            f"{prefix}guro_resident_at_hire": True,
            f"{prefix}status": "standing",  # a cancelled (corrected) hire is not a local hire
            f"{prefix}retention_checks__months_after_start": 1,
            f"{prefix}retention_checks__still_employed": True,
        }
    )


def verified_local_hires(agreement):
    """How many local hires of an agreement staff have verified (counted once each)."""
    return agreement.placements.filter(verified_local_hire_q()).distinct().count()


def incentive_ledger(agreement=None):
    """Ledger lines with `verified_local_hires` and `eligible` (enough verified local hires)."""
    from django.db.models import Count

    from employers.models import IncentiveGrant

    lines = IncentiveGrant.objects.select_related("agreement__employer", "decided_by").annotate(
        verified_local_hires=Count(
            "agreement__placements", filter=verified_local_hire_q("agreement__placements__"), distinct=True
        )
    )
    if agreement is not None:
        lines = lines.filter(agreement=agreement)
    lines = list(lines.order_by("agreement__employer__name", "incentive"))
    for line in lines:
        line.eligible = line.verified_local_hires >= line.required_local_hires
    return lines


def digital_valley_registry():
    """Digital Valley firms with their workers and their local hires (all, and verified)."""
    from django.db.models import Count, Q

    from employers.models import Employer

    return (
        Employer.objects.filter(in_digital_valley=True)
        .annotate(
            local_hires=Count("placements", filter=Q(placements__guro_resident_at_hire=True), distinct=True),
            verified_local_hires=Count(
                "placements", filter=verified_local_hire_q("placements__"), distinct=True
            ),
        )
        .order_by("-local_hires", "name")
    )


def partner_school_placements():
    """Per partner school: its students' local placements with Digital Valley firms."""
    from django.db.models import Count, Q

    from employers.models import PartnerSchool

    return PartnerSchool.objects.annotate(
        digital_valley_placements=Count(
            "students__placements",
            filter=Q(
                students__placements__employer__in_digital_valley=True,
                students__placements__guro_resident_at_hire=True,
            ),
            distinct=True,
        )
    ).order_by("name")


# Guro's administrative dongs and the dongs they border (approximate; used only to widen "similar
# vacancies" to the next dong over). Symmetric by construction below.
_DONG_BORDERS = {
    "신도림동": ["구로1동", "구로2동", "구로4동", "구로5동"],
    "구로1동": ["구로2동", "구로3동", "구로5동"],
    "구로2동": ["구로4동", "구로5동", "고척1동"],
    "구로3동": ["구로5동", "구로4동", "가리봉동"],
    "구로4동": ["구로5동", "가리봉동", "고척2동"],
    "고척1동": ["고척2동", "개봉2동"],
    "고척2동": ["개봉1동"],
    "개봉1동": ["개봉2동", "개봉3동", "오류1동"],
    "개봉2동": ["개봉3동"],
    "개봉3동": ["오류1동"],
    "오류1동": ["오류2동", "수궁동"],
    "오류2동": ["수궁동", "항동"],
    "수궁동": ["항동"],
}
NEIGHBOURING_DONGS = {}
for _dong, _borders in _DONG_BORDERS.items():
    for _other in _borders:
        NEIGHBOURING_DONGS.setdefault(_dong, set()).add(_other)
        NEIGHBOURING_DONGS.setdefault(_other, set()).add(_dong)


def similar_vacancies(vacancy, limit=4):
    """Open vacancies like this one: the same occupation group (KECO middle group), the same or a
    neighbouring dong, the same employment type. A vacancy shares the group or the area; the more
    it shares, the higher it comes. One query for the rows (plus the page's usual joins)."""
    from django.db.models import Case, IntegerField, Q, Value, When

    group_code = vacancy.occupation.code[:2]
    same_group = Q(occupation__code__startswith=group_code)
    shares = same_group
    score = Case(When(same_group, then=Value(3)), default=Value(0), output_field=IntegerField())
    if vacancy.dong_id:
        neighbours = NEIGHBOURING_DONGS.get(vacancy.dong.name, set())
        near = Q(dong_id=vacancy.dong_id) | Q(dong__name__in=sorted(neighbours))
        shares |= near
        score += Case(When(near, then=Value(2)), default=Value(0), output_field=IntegerField())
    score += Case(
        When(employment_type=vacancy.employment_type, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return (
        open_vacancies()
        .exclude(pk=vacancy.pk)
        .filter(shares)
        .prefetch_related(None)
        .annotate(similarity=score)
        .order_by("-similarity", "-posted_on", "-id")[:limit]
    )


def public_employers():
    """Employers with a public page: an approved profile, or an open vacancy residents can see."""
    from django.db.models import Exists, OuterRef, Q

    from employers.models import Employer

    has_open_vacancy = Exists(open_vacancies().filter(employer=OuterRef("pk")).values("pk"))
    return Employer.objects.filter(Q(profile_approved_at__isnull=False) | has_open_vacancy)


def partner_badges(employer, today=None):
    """The Korean badges of a public employer page: each current agreement with the district
    (e.g. D-Cube City's), a Digital Valley firm, a social enterprise, an anchor partner."""
    from django.db.models import Q

    from employers.models import Employer

    today = today or timezone.localdate()
    badges = [
        _("구로구 업무제휴: %(title)s") % {"title": agreement.title}
        for agreement in employer.agreements.filter(starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .order_by("signed_on", "pk")
    ]
    if employer.in_digital_valley:
        badges.append(_("구로디지털단지 입주기업"))
    if employer.kind == Employer.Kind.SOCIAL_ENTERPRISE:
        badges.append(_("사회적기업"))
    if employer.kind == Employer.Kind.ANCHOR_PARTNER:
        badges.append(_("거점 협약기업"))
    return badges


def pending_profile_change(employer):
    from employers.models import EmployerProfileChange

    return EmployerProfileChange.objects.filter(
        employer=employer, status=EmployerProfileChange.Status.PENDING
    ).first()


def last_profile_decision(employer):
    """The employer's latest approved or rejected proposal (to show a rejection's reason)."""
    from employers.models import EmployerProfileChange

    return (
        EmployerProfileChange.objects.filter(employer=employer)
        .exclude(status=EmployerProfileChange.Status.PENDING)
        .order_by("-decided_at", "-id")
        .first()
    )
