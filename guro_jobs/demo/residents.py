"""Demo residents: their registration, priority groups, skills, wishes and consents."""

import datetime

from faker.providers.person.ko_KR import Provider as KoreanNames

from guro_jobs.demo.context import OCCUPATION_SKILLS
from guro_jobs.demo.tools import CHUNK, PLAN_END, age_on, at, picker
from references.choices import EducationLevel, EmploymentStatus, EmploymentType
from residents.models import ConsentRecord, Resident, ResidentPriorityGroup

CONSENT_VERSION = "2026-11"
# Residents register from mid-2009 to the end of the plan period (most of them), then until this
# fixed day (the rest); never up to "today", so the data does not depend on the day it runs.
FIRST_REGISTRATION = datetime.date(2009, 7, 1)
LATE_REGISTRATION = datetime.date(2015, 1, 1)
LAST_REGISTRATION = datetime.date(2026, 10, 31)
SHARE_REGISTERED_IN_PLAN = 0.85
EARLIEST_BIRTH = datetime.date(1945, 1, 1)
LATEST_BIRTH = datetime.date(2006, 12, 31)

DONG_WEIGHTS = {
    "신도림동": 9, "구로1동": 7, "구로2동": 7, "구로3동": 8, "구로4동": 5, "구로5동": 7, "가리봉동": 3,
    "고척1동": 6, "고척2동": 6, "개봉1동": 6, "개봉2동": 6, "개봉3동": 6, "오류1동": 6, "오류2동": 5,
    "수궁동": 4, "항동": 3,
}  # fmt: skip
OUTSIDE_REGIONS = {
    "광명시": 20, "금천구": 18, "영등포구": 14, "부천시": 12, "양천구": 10, "관악구": 8, "동작구": 5,
    "시흥시": 5, "인천광역시 부평구": 4, "강서구": 4,
}  # fmt: skip
EMAIL_DOMAINS = ("example.com", "example.net", "example.org")  # reserved: demo mail goes nowhere
ROMAN_NAMES = ("minjun", "seoyeon", "jiwoo", "hayoon", "dohyun", "seojun", "jiho", "sujin", "youngho",
               "mija", "kyungsoo", "jihye", "hyunwoo", "eunji", "sungmin", "yuna", "kim", "lee", "park",
               "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "oh", "seo", "shin")  # fmt: skip


def _registration_ordinal(index, total):
    share = (index + 0.5) / total
    if share < SHARE_REGISTERED_IN_PLAN:
        span = PLAN_END.toordinal() - FIRST_REGISTRATION.toordinal()
        return FIRST_REGISTRATION.toordinal() + int(share / SHARE_REGISTERED_IN_PLAN * span)
    span = LAST_REGISTRATION.toordinal() - LATE_REGISTRATION.toordinal()
    rest = (share - SHARE_REGISTERED_IN_PLAN) / (1 - SHARE_REGISTERED_IN_PLAN)
    return LATE_REGISTRATION.toordinal() + int(rest * span)


AGE_BANDS = ((18, 29), (30, 49), (50, 64), (65, 75))
AGE_BAND_WEIGHTS = (25, 35, 28, 12)
EDUCATION_BY_GENERATION = {
    # born before 1960, 1960–1979, 1980 and later
    "old": ((EducationLevel.MIDDLE_SCHOOL, 40), (EducationLevel.HIGH_SCHOOL, 35),
            (EducationLevel.VOCATIONAL_HIGH_SCHOOL, 10), (EducationLevel.JUNIOR_COLLEGE, 5),
            (EducationLevel.UNIVERSITY, 9), (EducationLevel.GRADUATE_SCHOOL, 1)),
    "middle": ((EducationLevel.MIDDLE_SCHOOL, 12), (EducationLevel.HIGH_SCHOOL, 38),
               (EducationLevel.VOCATIONAL_HIGH_SCHOOL, 12), (EducationLevel.JUNIOR_COLLEGE, 15),
               (EducationLevel.UNIVERSITY, 20), (EducationLevel.GRADUATE_SCHOOL, 3)),
    "young": ((EducationLevel.MIDDLE_SCHOOL, 3), (EducationLevel.HIGH_SCHOOL, 22),
              (EducationLevel.VOCATIONAL_HIGH_SCHOOL, 12), (EducationLevel.JUNIOR_COLLEGE, 23),
              (EducationLevel.UNIVERSITY, 35), (EducationLevel.GRADUATE_SCHOOL, 5)),
}  # fmt: skip
CAREER_PHRASES = ("{occupation} 분야 {years}년 근무", "{occupation} 관련 아르바이트 {years}년",
                  "{occupation} 업무 {years}년 경력, 경력 단절 후 재취업 희망")  # fmt: skip


def _resident_groups(rng, ctx, female, age, status, unemployed_days):
    bit = ctx.group_bit.get
    mask = 0
    for code, share in (("basic_livelihood", 0.07), ("near_poor", 0.06), ("disability", 0.05)):
        if rng.random() < share:
            mask |= bit(code, 0)
    if 25 <= age <= 55 and rng.random() < 0.05:
        mask |= bit("single_parent", 0)
    if 28 <= age <= 52 and rng.random() < 0.25:
        mask |= bit("raising_children", 0)
    if age >= 65 and rng.random() < 0.85:
        mask |= bit("senior", 0)
    if 15 <= age <= 34 and rng.random() < 0.5:
        mask |= bit("youth", 0)
    if status == EmploymentStatus.UNEMPLOYED and unemployed_days >= 183 and rng.random() < 0.6:
        mask |= bit("long_term_unemployed", 0)
    if female and age >= 30 and rng.random() < 0.06:
        mask |= bit("female_householder", 0)
    return mask


DEMO_DOCUMENTS = {
    "basic_livelihood": ResidentPriorityGroup.DocumentType.BENEFIT_CERTIFICATE,
    "near_poor": ResidentPriorityGroup.DocumentType.NEAR_POVERTY_CERTIFICATE,
    "single_parent": ResidentPriorityGroup.DocumentType.SINGLE_PARENT_CERTIFICATE,
    "raising_children": ResidentPriorityGroup.DocumentType.FAMILY_RELATION_CERTIFICATE,
    "disability": ResidentPriorityGroup.DocumentType.DISABILITY_CERTIFICATE,
}


def demo_verification(ctx, resident_id, group_id, verified):
    """The document a demo claim was verified with; one in five was valid for a year only, so
    the staff home lists some for re-verification. Derived from the ids, not the random stream."""
    if not verified:
        return {"document_type": "", "valid_until": None}
    code = next(group.code for group in ctx.groups if group.pk == group_id)
    document = DEMO_DOCUMENTS.get(code, ResidentPriorityGroup.DocumentType.OTHER)
    yearly = (resident_id + group_id) % 5 == 0
    return {
        "document_type": document,
        "valid_until": (verified + datetime.timedelta(days=365)).date() if yearly else None,
    }


def create_residents(ctx, total):
    """Residents in registration order, their priority groups, skills, wishes and consents."""
    rng, tables = ctx.rng, ctx.tables
    residents, priority_groups, consents = (
        tables[Resident],
        tables[ResidentPriorityGroup],
        tables[ConsentRecord],
    )
    skills, occupations = tables[Resident.skills.through], tables[Resident.desired_occupations.through]
    pick_dong = picker(rng, [d.pk for d in ctx.dongs], [DONG_WEIGHTS.get(d.name, 5) for d in ctx.dongs])
    pick_region = picker(rng, OUTSIDE_REGIONS, OUTSIDE_REGIONS.values())
    pick_band = picker(rng, AGE_BANDS, AGE_BAND_WEIGHTS)
    pick_education = {
        generation: picker(rng, [lv for lv, _w in levels], [w for _lv, w in levels])
        for generation, levels in EDUCATION_BY_GENERATION.items()
    }
    statuses = (EmploymentStatus.UNEMPLOYED, EmploymentStatus.NO_REGULAR_INCOME, EmploymentStatus.EMPLOYED)
    pick_status = picker(rng, statuses, (55, 25, 20))
    occupation_codes = list(ctx.occupations)
    occupation_ids = {code: o.pk for code, o in ctx.occupations.items()}
    occupation_skills = {
        code: sorted(n for n in OCCUPATION_SKILLS.get(code, ()) if n in ctx.skills)
        for code in occupation_codes
    }
    types = list(EmploymentType.values)
    earliest, latest = EARLIEST_BIRTH.toordinal(), LATEST_BIRTH.toordinal()
    last_registration = LAST_REGISTRATION.toordinal()
    rank = {level: EducationLevel.rank(level) for level in EducationLevel.values}
    # Faker's ko_KR names with its weights, drawn from our own random source: as realistic, 20× faster
    pick_last = picker(rng, KoreanNames.last_names, KoreanNames.last_names.values())
    pick_male = picker(rng, KoreanNames.first_names_male, KoreanNames.first_names_male.values())
    pick_female = picker(rng, KoreanNames.first_names_female, KoreanNames.first_names_female.values())
    for index in range(total):
        reg = _registration_ordinal(index, total)
        low, high = pick_band()
        birth = min(max(reg - int(rng.randint(low, high) * 365.25) - rng.randrange(365), earliest), latest)
        birth_day, reg_day = datetime.date.fromordinal(birth), datetime.date.fromordinal(reg)
        age = age_on(birth_day, reg_day)
        female = rng.random() < 0.52
        if rng.random() < 0.9:
            dong_id, outside = pick_dong(), ""
        else:
            dong_id, outside = None, pick_region()
        generation = "old" if birth_day.year < 1960 else "middle" if birth_day.year < 1980 else "young"
        education = pick_education[generation]()
        status = pick_status()
        employed = status == EmploymentStatus.EMPLOYED
        unemployed_days = 0 if employed else rng.randrange(900)
        mask = _resident_groups(rng, ctx, female, age, status, unemployed_days)
        wanted = sorted(rng.sample(range(len(types)), rng.choice((1, 1, 2, 2, 3))))
        desired = rng.sample(occupation_codes, rng.choice((1, 1, 2)))
        career = ""
        if rng.random() < 0.6:
            years = rng.randint(1, max(1, min(25, age - 19)))
            career = rng.choice(CAREER_PHRASES).format(
                occupation=ctx.occupations[desired[0]].name, years=years
            )
        created = at(reg, rng.randrange(9 * 60, 21 * 60))
        provision = rng.random() < 0.7
        email = ""
        if rng.random() < 0.55:
            email = f"{rng.choice(ROMAN_NAMES)}{rng.randrange(10, 10000)}@{rng.choice(EMAIL_DOMAINS)}"
        resident_id = residents.add(
            name=pick_last() + (pick_female() if female else pick_male()),
            birth_date=birth_day,
            gender="female" if female else "male",
            dong_id=dong_id,
            outside_region=outside,
            phone=f"010-{rng.randrange(2000, 10000):04d}-{rng.randrange(10000):04d}",
            email=email,
            education_level=education,
            employment_status=status,
            unemployed_since=None if employed else datetime.date.fromordinal(max(reg - unemployed_days, birth + 6575)),
            desired_employment_types=[types[i] for i in wanted],
            desired_monthly_wage=rng.randrange(150, 401) * 10000 if rng.random() < 0.8 else None,
            career_summary=career,
            collection_consented_at=created,
            provision_consented_at=created if provision else None,
            consent_version=CONSENT_VERSION,
            created_at=created,
            last_active_at=created + datetime.timedelta(days=rng.randrange(max(1, min(1095, last_registration - reg)))),
        )  # fmt: skip
        ctx.r_id.append(resident_id)
        ctx.r_reg.append(reg)
        ctx.r_birth.append(birth)
        ctx.r_dong.append(dong_id or 0)
        ctx.r_female.append(1 if female else 0)
        ctx.r_groups.append(mask)
        ctx.r_verified.append(0)
        ctx.r_edu.append(rank[education])
        ctx.r_provision.append(1 if provision else 0)
        for group_id in ctx.group_ids(mask) if mask else ():
            verified = created + datetime.timedelta(days=rng.randint(1, 30)) if rng.random() < 0.7 else None
            priority_groups.add(resident_id=resident_id, priority_group_id=group_id, verified_at=verified,
                                **demo_verification(ctx, resident_id, group_id, verified))  # fmt: skip
            if verified:
                ctx.r_verified[-1] |= ctx.group_bit_by_id[group_id]
        pool = sorted({name for code in desired for name in occupation_skills[code]})
        for name in rng.sample(pool, min(len(pool), rng.choice((0, 1, 1, 2, 3)))):
            skills.add(resident_id=resident_id, skill_id=ctx.skills[name])
        for code in desired:
            occupations.add(resident_id=resident_id, occupation_id=occupation_ids[code])
        consents.add(resident_id=resident_id, kind=ConsentRecord.Kind.COLLECTION, granted=True,
                     text_version=CONSENT_VERSION, recorded_at=created)  # fmt: skip
        if provision:
            consents.add(resident_id=resident_id, kind=ConsentRecord.Kind.PROVISION, granted=True,
                         text_version=CONSENT_VERSION, recorded_at=created)  # fmt: skip
        if len(residents.rows) >= CHUNK:
            tables.flush()
