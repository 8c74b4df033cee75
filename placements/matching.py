"""Recommending residents for a vacancy and vacancies for a resident, with explainable scores.

Candidates are narrowed in the database (open vacancies, residents who consented to their data
going to employers and have not applied yet, and who share an occupation, a skill or a dong),
then at most CANDIDATE_LIMIT of them are scored in Python. The points, documented once here:

- 기술·자격증: up to SKILL_POINTS, in proportion to the vacancy's required skills the person holds
- 학력: EDUCATION_POINTS when the required education is met; EDUCATION_SHORTFALL when it is not
- 희망 직종: OCCUPATION_POINTS when the vacancy's occupation is one the person wants
- 고용 형태: EMPLOYMENT_TYPE_POINTS when the vacancy's employment type is one the person wants
- 임금: WAGE_POINTS when the monthly wage meets the person's wish (half within 90 % of it)
- 거주지: SAME_DONG_POINTS for the same dong as the workplace, GURO_POINTS for elsewhere in Guro
- 우선 지원 대상: PRIORITY_GROUP_POINTS per verified (unexpired) group, up to PRIORITY_GROUP_CAP
- 경력: for a vacancy asking for experience, CAREER_POINTS when the person's career years (from the
  career history of their resumes, overlapping periods counted once: resumes.selectors) reach its
  career_min_years (at least one month when it names none); CAREER_SHORTFALL when they do not

People short of required skills are also pointed to the district's job-training programs.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from employers.models import Vacancy
from employers.selectors import open_vacancy_q
from programs.eligibility import resident_priority_group_ids
from programs.models import Program
from programs.services import is_accepting_applications
from references.choices import Career, EducationLevel, EmploymentType
from residents.models import Resident
from resumes.selectors import career_months, career_months_by_resident

CANDIDATE_LIMIT = 500
SKILL_POINTS = 40
EDUCATION_POINTS = 10
EDUCATION_SHORTFALL = -20
OCCUPATION_POINTS = 20
EMPLOYMENT_TYPE_POINTS = 10
WAGE_POINTS = 10
SAME_DONG_POINTS = 10
GURO_POINTS = 5
PRIORITY_GROUP_POINTS = 5
PRIORITY_GROUP_CAP = 10
CAREER_POINTS = 10
CAREER_SHORTFALL = -10


@dataclass
class Match:
    resident: Resident
    vacancy: Vacancy
    reasons: list = field(default_factory=list)  # (Korean reason, points)
    missing_skills: list = field(default_factory=list)

    @property
    def score(self):
        return sum(points for _reason, points in self.reasons)

    def explanation(self):
        return ", ".join(f"{reason} {points:+d}점" for reason, points in self.reasons)


def career_reason(vacancy, months):
    """The career line of a score, or None when the vacancy asks for no experience."""
    if vacancy.career != Career.EXPERIENCED:
        return None
    years = months // 12
    required = vacancy.career_min_years or 0
    if required:
        label = _("경력 조건(%(req)s년 이상)") % {"req": required}
        met = years >= required
    else:
        label = _("경력자 우대")
        met = months > 0
    label += " " + (_("충족 (경력 %(years)s년)") if met else _("미달 (경력 %(years)s년)")) % {"years": years}
    return label, CAREER_POINTS if met else CAREER_SHORTFALL


def score_match(resident, vacancy, resident_groups=None, resident_career_months=None):
    """The explainable score of one resident for one vacancy."""
    match = Match(resident=resident, vacancy=vacancy)
    held = {skill.pk for skill in resident.skills.all()}
    required = list(vacancy.required_skills.all())
    if required:
        have = [skill.name for skill in required if skill.pk in held]
        match.missing_skills = [skill for skill in required if skill.pk not in held]
        points = round(SKILL_POINTS * len(have) / len(required))
        label = _("요구 기술·자격증 %(total)s개 중 %(have)s개 보유") % {
            "total": len(required),
            "have": len(have),
        }
        if have:
            label += f" ({', '.join(have)})"
        match.reasons.append((label, points))
    if vacancy.required_education:
        required_label = EducationLevel(vacancy.required_education).label
        if EducationLevel.rank(resident.education_level) >= EducationLevel.rank(vacancy.required_education):
            match.reasons.append(
                (_("학력 조건(%(req)s 이상) 충족") % {"req": required_label}, EDUCATION_POINTS)
            )
        else:
            match.reasons.append(
                (_("학력 조건(%(req)s 이상) 미달") % {"req": required_label}, EDUCATION_SHORTFALL)
            )
    if any(occupation.pk == vacancy.occupation_id for occupation in resident.desired_occupations.all()):
        match.reasons.append(
            (_("희망 직종(%(name)s)과 같음") % {"name": vacancy.occupation.name}, OCCUPATION_POINTS)
        )
    if vacancy.employment_type in (resident.desired_employment_types or []):
        label = EmploymentType(vacancy.employment_type).label
        match.reasons.append((_("희망 고용 형태(%(type)s)") % {"type": label}, EMPLOYMENT_TYPE_POINTS))
    wish = resident.desired_monthly_wage
    if wish:
        if vacancy.monthly_wage >= wish:
            match.reasons.append(
                (_("희망 월급 이상(%(wage)s원)") % {"wage": f"{vacancy.monthly_wage:,}"}, WAGE_POINTS)
            )
        elif vacancy.monthly_wage >= wish * 0.9:
            match.reasons.append(
                (
                    _("희망 월급에 가까움(%(wage)s원)") % {"wage": f"{vacancy.monthly_wage:,}"},
                    WAGE_POINTS // 2,
                )
            )
    if resident.dong_id and resident.dong_id == vacancy.dong_id:
        match.reasons.append(
            (_("근무지와 같은 동(%(dong)s) 거주") % {"dong": resident.dong.name}, SAME_DONG_POINTS)
        )
    elif resident.dong_id:
        match.reasons.append((_("구로구 주민"), GURO_POINTS))
    groups = resident_groups if resident_groups is not None else resident_priority_group_ids(resident)
    if groups:
        points = min(len(groups) * PRIORITY_GROUP_POINTS, PRIORITY_GROUP_CAP)
        match.reasons.append((_("취업 우선 지원 대상 %(count)s개 해당") % {"count": len(groups)}, points))
    if vacancy.career == Career.EXPERIENCED:
        months = resident_career_months if resident_career_months is not None else career_months(resident)
        match.reasons.append(career_reason(vacancy, months))
    return match


def _rank(matches, limit):
    matches.sort(key=lambda match: (-match.score, match.resident.pk, match.vacancy.pk))
    return matches[:limit]


def open_vacancies():
    return Vacancy.objects.filter(open_vacancy_q())


def referable_residents():
    """Residents staff may put forward to an employer (consented, not leaving)."""
    return Resident.objects.filter(
        provision_consented_at__isnull=False, anonymised_at__isnull=True, deletion_requested_at__isnull=True
    )


def recommend_residents(vacancy, limit=20):
    """The residents who fit a vacancy best, each with the reasons for their score."""
    required_ids = list(vacancy.required_skills.values_list("pk", flat=True))
    near = Q(desired_occupations=vacancy.occupation_id) | Q(skills__in=required_ids)
    if vacancy.dong_id:
        near |= Q(dong=vacancy.dong_id)
    candidate_ids = (
        referable_residents()
        .exclude(employment_status="employed")
        .exclude(job_applications__vacancy=vacancy)
        .filter(near)
        .order_by("-last_active_at", "-pk")
        .values_list("pk", flat=True)
        .distinct()[:CANDIDATE_LIMIT]
    )
    residents = (
        Resident.objects.filter(pk__in=list(candidate_ids))
        .select_related("dong")
        .prefetch_related("skills", "desired_occupations", "residentprioritygroup_set")
    )
    vacancy = (
        Vacancy.objects.select_related("occupation", "dong")
        .prefetch_related("required_skills")
        .get(pk=vacancy.pk)
    )
    months = career_months_by_resident([resident.pk for resident in residents])
    return _rank(
        [
            score_match(resident, vacancy, resident_career_months=months.get(resident.pk, 0))
            for resident in residents
        ],
        limit,
    )


# The resident's own page scores fewer candidates than staff's tools: it is opened far more often.
RESIDENT_PAGE_CANDIDATE_LIMIT = 200


def recommend_vacancies(resident, limit=20, candidate_limit=CANDIDATE_LIMIT):
    """The open vacancies that fit a resident best, each with the reasons for its score."""
    resident = (
        Resident.objects.select_related("dong")
        .prefetch_related("skills", "desired_occupations", "residentprioritygroup_set")
        .get(pk=resident.pk)
    )
    skill_ids = [skill.pk for skill in resident.skills.all()]
    occupation_ids = [occupation.pk for occupation in resident.desired_occupations.all()]
    near = Q(occupation__in=occupation_ids) | Q(required_skills__in=skill_ids)
    if resident.desired_employment_types:
        near |= Q(employment_type__in=resident.desired_employment_types)
    if resident.dong_id:
        near |= Q(dong=resident.dong_id)
    candidate_ids = (
        open_vacancies()
        .exclude(applications__resident=resident)
        .filter(near)
        .order_by("-posted_on", "-pk")
        .values_list("pk", flat=True)
        .distinct()[:candidate_limit]
    )
    vacancies = (
        Vacancy.objects.filter(pk__in=list(candidate_ids))
        .select_related("employer", "occupation", "dong")
        .prefetch_related("required_skills")
    )
    groups = resident_priority_group_ids(resident)
    months = career_months(resident)
    return _rank([score_match(resident, vacancy, groups, months) for vacancy in vacancies], limit)


def training_programs():
    """Job-training programs (직업교육) taking applications now, with the skills they teach."""
    programs = (
        Program.objects.filter(kind=Program.Kind.JOB_TRAINING, is_published=True)
        .prefetch_related("skills_taught")
        .order_by("-year", "name")
    )
    return [program for program in programs if is_accepting_applications(program)]


def skills_covered(program, skills):
    """The skills among `skills` a training program covers: those it is recorded as teaching,
    or whose name its title or description mentions."""
    taught = {skill.pk for skill in program.skills_taught.all()}
    text = f"{program.name} {program.description}"
    return [skill for skill in skills if skill.pk in taught or skill.name in text]


def training_suggestions(matches):
    """For people short of a vacancy's skills: the training that covers a skill they lack,
    the programs covering the most missing skills first (none when no training covers one)."""
    programs = training_programs()
    suggestions = []
    for match in matches:
        if not match.missing_skills:
            continue
        covering = [(program, len(skills_covered(program, match.missing_skills))) for program in programs]
        ranked = sorted((item for item in covering if item[1]), key=lambda item: -item[1])
        suggestions.append((match, [program for program, _count in ranked[:3]]))
    return suggestions


def recommendations_for_resident_page(resident, limit=5):
    """공고 추천 on the resident's page: the best few open vacancies not yet applied to, each with
    the reasons in plain Korean (the score's points stay with staff's tools)."""
    matches = recommend_vacancies(resident, limit=limit, candidate_limit=RESIDENT_PAGE_CANDIDATE_LIMIT)
    return [
        {
            "vacancy": match.vacancy,
            "reasons": [reason for reason, points in match.reasons if points > 0],
            "cautions": [reason for reason, points in match.reasons if points < 0],
            "missing_skills": [skill.name for skill in match.missing_skills],
        }
        for match in matches
        if match.score > 0
    ]
