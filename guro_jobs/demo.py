"""Demo data for the portal: residents, employers, vacancies, programs, applications and placements.

`seed_demo()` fills the database with realistic Korean data spread over the plan period 2010–2014,
so the dashboards and lists have something to show. Every random choice comes from one
`random.Random(seed)` and one `Faker("ko_KR")` seeded with the same seed: the same arguments give
the same data. Dates never depend on the day it runs, except the current year's vacancies and
program applications (the public portal needs something open today).

It scales: rows are generated in chunks and written with bulk_create (M2M through rows too);
per-resident facts needed later (registration day, birth day, dong, gender, priority groups) are
kept in compact arrays, never as model instances.
"""

import bisect
import calendar
import datetime
import random
import time
from array import array
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from faker import Faker

from employers.models import Agreement, Employer, Vacancy
from guro_jobs.validators import business_number_check_digit
from placements.models import JobApplication, JobApplicationEvent, Placement, RetentionCheck
from programs.models import Program, ProgramApplication, ProgramApplicationEvent, ProgramPriorityWeight
from references.choices import EducationLevel, EmploymentStatus, EmploymentType, WageUnit
from references.models import AdministrativeDong, Occupation, PriorityGroup, Skill
from reports.models import Target
from residents.models import ConsentRecord, Resident, ResidentPriorityGroup

SEOUL = ZoneInfo("Asia/Seoul")
PLAN_YEARS = (2010, 2011, 2012, 2013, 2014)
CONSENT_VERSION = "2026-11"
# Residents register from mid-2009 to the end of the plan period (most of them), then until this
# fixed day (the rest); never up to "today", so the data does not depend on the day it runs.
FIRST_REGISTRATION = datetime.date(2009, 7, 1)
PLAN_END = datetime.date(2014, 12, 31)
LATE_REGISTRATION = datetime.date(2015, 1, 1)
LAST_REGISTRATION = datetime.date(2026, 10, 31)
SHARE_REGISTERED_IN_PLAN = 0.85
EARLIEST_BIRTH = datetime.date(1945, 1, 1)
LATEST_BIRTH = datetime.date(2006, 12, 31)

CHUNK = 5000  # rows generated before a write
BATCH = 2000  # rows per INSERT

# The plan's yearly targets (Table 2), used when the database has none.
PLAN_TARGETS = {
    2010: (3250, 1100),
    2011: (2550, 1260),
    2012: (2450, 1170),
    2013: (2350, 1160),
    2014: (2250, 1110),
}
# Korea's legal minimum hourly wage (최저임금) by year; later years use the last known figure.
MINIMUM_WAGE = {2010: 4110, 2011: 4320, 2012: 4580, 2013: 4860, 2014: 5210, 2025: 10030, 2026: 10320}

DONG_WEIGHTS = {
    "신도림동": 9, "구로1동": 7, "구로2동": 7, "구로3동": 8, "구로4동": 5, "구로5동": 7, "가리봉동": 3,
    "고척1동": 6, "고척2동": 6, "개봉1동": 6, "개봉2동": 6, "개봉3동": 6, "오류1동": 6, "오류2동": 5,
    "수궁동": 4, "항동": 3,
}  # fmt: skip
DONG_ROADS = {
    "신도림동": ("경인로", "새말로", "신도림로"),
    "구로1동": ("구로중앙로", "도림천로"),
    "구로2동": ("구로동로", "구로중앙로"),
    "구로3동": ("디지털로", "디지털로26길", "디지털로32길", "디지털로34길"),
    "구로4동": ("구로동로", "가마산로"),
    "구로5동": ("구로중앙로", "도림로"),
    "가리봉동": ("우마길", "가리봉로", "디지털로"),
    "고척1동": ("고척로", "경인로"),
    "고척2동": ("고척로", "중앙로"),
    "개봉1동": ("개봉로", "남부순환로"),
    "개봉2동": ("개봉로", "경인로"),
    "개봉3동": ("개봉로", "고척로"),
    "오류1동": ("오리로", "경인로"),
    "오류2동": ("오류로", "서해안로"),
    "수궁동": ("서해안로", "연동로"),
    "항동": ("항동로", "연동로"),
}
OUTSIDE_REGIONS = {
    "광명시": 20, "금천구": 18, "영등포구": 14, "부천시": 12, "양천구": 10, "관악구": 8, "동작구": 5,
    "시흥시": 5, "인천광역시 부평구": 4, "강서구": 4,
}  # fmt: skip
EMAIL_DOMAINS = ("example.com", "example.net", "example.org")

# Which occupations (by code) each kind of employer hires for, and the titles it advertises.
KIND_OCCUPATIONS = {
    Employer.Kind.DIGITAL_VALLEY: ("01", "01", "02", "03", "04", "05", "06", "09", "14"),
    Employer.Kind.ANCHOR_PARTNER: ("07", "08", "08", "09", "10", "11", "12", "05"),
    Employer.Kind.SOCIAL_ENTERPRISE: ("10", "11", "12", "13", "15", "15"),
    Employer.Kind.OTHER: ("05", "06", "08", "09", "10", "11", "12", "13", "14", "15", "16"),
}
OCCUPATION_TITLES = {
    "01": ("웹 개발자", "백엔드 개발자", "응용 소프트웨어 개발자", "임베디드 SW 개발자", "모바일 앱 개발자"),
    "02": ("IT 헬프데스크", "서버·네트워크 운영", "전산 유지보수 기사"),
    "03": ("전자회로 설계 엔지니어", "전기 설비 기사", "PCB 검사원"),
    "04": ("웹 디자이너", "UI 디자이너", "편집 디자이너"),
    "05": ("사무 보조", "총무·인사 담당", "영업 지원 사무원"),
    "06": ("회계·경리 담당", "세무 보조", "급여 담당"),
    "07": ("호텔 프런트 직원", "객실 관리원", "연회장 서비스 직원"),
    "08": ("백화점 매장 판매원", "매장 계산원", "진열·재고 관리원"),
    "09": ("고객 상담원", "콜센터 상담원", "안내 데스크 직원"),
    "10": ("주방 보조", "조리사", "홀 서빙 직원"),
    "11": ("건물 청소원", "환경미화원", "방역·소독원"),
    "12": ("건물 경비원", "시설 관리 기사", "주차 관리원"),
    "13": ("택배 분류원", "배송 기사", "물류 창고 관리원"),
    "14": ("생산직 사원", "조립·포장원", "품질 검사원"),
    "15": ("요양보호사", "아이돌봄 교사", "사회복지사"),
    "16": ("방과후 강사", "직업훈련 강사", "학습 지도 교사"),
}
OCCUPATION_DUTIES = {
    "01": "사내 서비스 개발과 유지보수",
    "02": "사내 전산 장비와 네트워크 관리",
    "03": "전자 제품 설계와 시험",
    "04": "웹 화면과 홍보물 디자인",
    "05": "문서 작성, 자료 정리, 전화 응대",
    "06": "전표 처리, 장부 정리, 급여 계산",
    "07": "투숙객 응대, 객실 점검",
    "08": "상품 판매, 계산, 진열",
    "09": "전화·방문 고객 상담",
    "10": "식자재 손질, 조리, 배식",
    "11": "사무실·공용 공간 청소",
    "12": "출입 관리, 순찰, 시설 점검",
    "13": "상품 분류, 상하차, 배송",
    "14": "제품 생산, 조립, 포장",
    "15": "어르신·아동 돌봄과 생활 지원",
    "16": "수업 준비와 강의",
}
OCCUPATION_SKILLS = {
    "01": ("Java", "Python", "웹 프론트엔드", "데이터베이스", "정보처리기사"),
    "02": ("네트워크 관리", "데이터베이스", "정보처리기사", "컴퓨터활용능력 2급"),
    "03": ("전자회로 설계", "전기기능사"),
    "04": ("그래픽 디자인", "웹 프론트엔드"),
    "05": ("문서 작성(한글·엑셀)", "컴퓨터활용능력 2급", "친절 서비스"),
    "06": ("전산회계 1급", "문서 작성(한글·엑셀)", "컴퓨터활용능력 2급"),
    "07": ("호텔서비스사", "외국어 응대(영어)", "외국어 응대(중국어)", "친절 서비스"),
    "08": ("판매·계산", "친절 서비스", "외국어 응대(중국어)"),
    "09": ("친절 서비스", "문서 작성(한글·엑셀)", "외국어 응대(영어)"),
    "10": ("조리", "한식조리기능사"),
    "11": ("친절 서비스",),
    "12": ("전기기능사", "친절 서비스"),
    "13": ("지게차 운전", "지게차운전기능사"),
    "14": ("지게차 운전", "전기기능사"),
    "15": ("요양보호사", "친절 서비스"),
    "16": ("문서 작성(한글·엑셀)", "외국어 응대(영어)"),
}
INDUSTRIES = {
    Employer.Kind.DIGITAL_VALLEY: (
        "소프트웨어 개발",
        "정보통신 서비스",
        "전자부품 제조",
        "디자인·출판",
        "IT 장비 유통",
    ),
    Employer.Kind.ANCHOR_PARTNER: ("호텔·백화점", "대형 유통", "종합병원", "복합 쇼핑몰"),
    Employer.Kind.SOCIAL_ENTERPRISE: ("청소·방역", "도시락·급식", "돌봄 서비스", "재활용", "카페·제과"),
    Employer.Kind.OTHER: ("음식점", "도소매", "물류·운송", "제조", "건물관리", "병원·의료", "학원·교육"),
}
# Tax-office codes (the first three digits of a business number) in and around south-west Seoul.
TAX_OFFICES = ("113", "107", "108", "109", "117", "119", "120", "122", "124", "125", "128", "129",
               "130", "131", "132", "134", "137", "138", "139", "140", "141", "142", "143", "144")  # fmt: skip

JOB_APPLICATION_FLOWS = {
    # past vacancies (closed or filled): how applications that did not lead to a hire ended
    "past": ((("applied", "rejected"), 40), (("applied", "interview", "rejected"), 25),
             (("referred", "rejected"), 8), (("referred", "interview", "rejected"), 7),
             (("applied", "withdrawn"), 15), (("applied", "interview", "withdrawn"), 5)),
    # open vacancies this year: still in progress
    "open": ((("applied",), 40), (("referred",), 15), (("applied", "interview"), 20),
             (("referred", "interview"), 5), (("applied", "rejected"), 12), (("applied", "withdrawn"), 8)),
}  # fmt: skip
PROGRAM_APPLICATION_FLOWS = {
    "past": ((("applied", "ineligible"), 30), (("applied", "eligible", "waitlisted"), 40),
             (("applied", "withdrawn"), 15), (("applied", "eligible", "selected", "dropped"), 15)),
    "current": ((("applied",), 25), (("applied", "eligible"), 20), (("applied", "ineligible"), 10),
                (("applied", "eligible", "selected"), 25), (("applied", "eligible", "waitlisted"), 15),
                (("applied", "withdrawn"), 5)),
}  # fmt: skip
INELIGIBLE_REASONS = (
    "만 나이 기준 미충족", "구로구 거주 요건 미충족", "고용 상태 요건 미충족(재직 중)", "신청 자격 대상에 해당하지 않음",
    "제출 서류 미비",
)  # fmt: skip
# Share still employed at each follow-up, given employed at the previous one (vacancy/agreement hires).
RETENTION_STAY = ((1, 0.93), (3, 0.88), (6, 0.88), (12, 0.85))


@dataclass
class DemoCounts:
    residents: int
    employers: int
    vacancies: int
    applications: int
    program_applications: int
    placements: int


def default_counts(residents):
    """Counts proportional to the residents: 2,000 residents → 100 employers, 300 vacancies …"""
    return DemoCounts(
        residents=residents,
        employers=max(5, residents // 20),
        vacancies=max(10, residents * 3 // 20),
        applications=residents,
        program_applications=residents,
        placements=residents * 3 // 4,
    )


@dataclass
class DemoSummary:
    counts: dict = field(default_factory=dict)
    seconds: float = 0.0


# --------------------------------------------------------------------------------------------
# Small helpers


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def at(ordinal, minute_of_day):
    """An aware datetime in Seoul on a day (given as an ordinal) at a minute of the day."""
    day = datetime.date.fromordinal(ordinal)
    return datetime.datetime(
        day.year, day.month, day.day, minute_of_day // 60, minute_of_day % 60, tzinfo=SEOUL
    )


def age_on(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def minimum_wage(year):
    known = [y for y in MINIMUM_WAGE if y <= year]
    return MINIMUM_WAGE[max(known)] if known else MINIMUM_WAGE[min(MINIMUM_WAGE)]


def allocate(total, weights, rng, caps=None):
    """Split `total` into integer parts proportional to `weights`, each at most its cap."""
    n = len(weights)
    caps = list(caps) if caps is not None else [total] * n
    if total > sum(c for c, w in zip(caps, weights, strict=True) if w > 0):
        raise ValidationError(_("요청한 건수를 나눌 대상이 모자랍니다. 구직자 수나 공고 수를 늘려 주세요."))
    parts = [0] * n
    remaining = total
    while remaining > 0:
        open_items = [i for i in range(n) if weights[i] > 0 and parts[i] < caps[i]]
        weight_sum = sum(weights[i] for i in open_items)
        given = 0
        for i in open_items:
            share = min(int(remaining * weights[i] / weight_sum), caps[i] - parts[i])
            parts[i] += share
            given += share
        remaining -= given
        if given == 0:  # fewer left than items: hand them out one by one, weighted
            while remaining > 0:
                open_items = [i for i in range(n) if weights[i] > 0 and parts[i] < caps[i]]
                i = rng.choices(open_items, weights=[weights[j] for j in open_items])[0]
                parts[i] += 1
                remaining -= 1
    return parts


class Spreader:
    """Picks `chosen` of `total` items in order, evenly spread (which placements get an application)."""

    def __init__(self, chosen, total):
        self.chosen, self.total, self.seen = chosen, max(total, 1), 0

    def take(self):
        before = self.seen * self.chosen // self.total
        self.seen += 1
        return self.seen * self.chosen // self.total > before


def business_number(index, offset):
    """A valid, unique business registration number (123-45-67890) for the index-th employer."""
    block, position = divmod(index, 10000)
    office = TAX_OFFICES[block] if block < len(TAX_OFFICES) else f"{150 + block:03d}"
    serial = (offset + position * 7919) % 10000  # a bijection of 0..9999: unique within a block
    middle = "81" if position % 3 else f"{(position * 37) % 79 + 1:02d}"
    first_nine = f"{office}{middle}{serial:04d}"
    digits = first_nine + str(business_number_check_digit(first_nine))
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


# --------------------------------------------------------------------------------------------
# The generator's state: the random sources, reference rows and compact per-resident facts.


class Context:
    def __init__(self, seed, today):
        self.rng = random.Random(seed)
        self.fake = Faker("ko_KR")
        self.fake.seed_instance(seed)
        self.today = today
        self.counts = {}
        self.dongs = list(AdministrativeDong.objects.filter(is_active=True).order_by("sort_order", "id"))
        self.dong_names = {d.pk: d.name for d in self.dongs}
        self.groups = list(PriorityGroup.objects.order_by("sort_order", "id"))
        self.group_bit = {g.code: 1 << i for i, g in enumerate(self.groups)}
        self.group_bit_by_id = {g.pk: 1 << i for i, g in enumerate(self.groups)}
        self.occupations = {o.code: o for o in Occupation.objects.order_by("code")}
        self.skills = {s.name: s for s in Skill.objects.order_by("name")}
        # per resident, in registration order
        self.r_id = array("q")
        self.r_reg = array("i")  # registration day (ordinal)
        self.r_birth = array("i")
        self.r_dong = array("i")  # 0: lives outside Guro
        self.r_female = bytearray()
        self.r_groups = array("I")  # bitmask over self.groups
        self.r_edu = bytearray()  # EducationLevel.rank
        self.r_provision = bytearray()  # consented to provide their data to employers

    def group_ids(self, mask):
        return [g.pk for i, g in enumerate(self.groups) if mask >> i & 1]

    def registered_by(self, ordinal):
        """How many residents had registered by a day (they are a prefix of the arrays)."""
        return bisect.bisect_right(self.r_reg, ordinal)

    def pick_resident(self, ordinal, used, fits=None, attempts=20):
        """A resident registered by the day, not in `used`, preferably one that `fits`."""
        rng = self.rng
        total = len(self.r_id)
        pool = max(self.registered_by(ordinal), min(total, 2 * len(used) + 10))
        fallback = None
        for _attempt in range(attempts):
            index = rng.randrange(pool)
            if index in used:
                continue
            if fits is None or fits(index):
                used.add(index)
                return index
            fallback = index if fallback is None else fallback
        if fallback is None:  # the pool is crowded: the first free one from a random start
            fallback = self._first_free(used, pool)
            if fallback is None:
                fallback = self._first_free(used, total)
            if fallback is None:
                raise ValidationError(_("데모 데이터를 만들 구직자가 모자랍니다."))
        used.add(fallback)
        return fallback

    def _first_free(self, used, pool):
        start = self.rng.randrange(pool)
        for step in range(pool):
            index = (start + step) % pool
            if index not in used:
                return index
        return None

    def facts(self, index, day):
        """Facts a placement keeps about the resident at hire."""
        dong_id = self.r_dong[index] or None
        return {
            "resident_id": self.r_id[index],
            "guro_resident_at_hire": dong_id is not None,
            "dong_at_hire_id": dong_id,
            "gender": "female" if self.r_female[index] else "male",
            "age_at_hire": age_on(datetime.date.fromordinal(self.r_birth[index]), day),
        }


class Writer:
    """Buffers related rows and writes them parent-first with bulk_create, in chunks."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.job_applications, self.job_events = [], []
        self.program_applications, self.program_events = [], []
        self.placements, self.placement_groups, self.retention_checks = [], [], []
        self.placement_through = Placement.priority_groups.through

    def add_placement(self, placement, group_mask, checks):
        self.placements.append(placement)
        for group_id in self.ctx.group_ids(group_mask) if group_mask else ():
            self.placement_groups.append(
                self.placement_through(placement=placement, prioritygroup_id=group_id)
            )
        self.retention_checks.extend(checks)
        if len(self.placements) >= CHUNK:
            self.flush()

    def flush(self):
        counts = self.ctx.counts
        for model, rows in (
            (JobApplication, self.job_applications),
            (ProgramApplication, self.program_applications),
            (JobApplicationEvent, self.job_events),
            (ProgramApplicationEvent, self.program_events),
            (Placement, self.placements),
            (self.placement_through, self.placement_groups),
            (RetentionCheck, self.retention_checks),
        ):
            if rows:
                model.objects.bulk_create(rows, batch_size=BATCH)
                counts[model.__name__] = counts.get(model.__name__, 0) + len(rows)
                rows.clear()


# --------------------------------------------------------------------------------------------
# Residents


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


def create_residents(ctx, total):
    rng, fake = ctx.rng, ctx.fake
    dong_ids = [d.pk for d in ctx.dongs]
    dong_weights = [DONG_WEIGHTS.get(d.name, 5) for d in ctx.dongs]
    regions, region_weights = list(OUTSIDE_REGIONS), list(OUTSIDE_REGIONS.values())
    occupation_codes = list(ctx.occupations)
    types = list(EmploymentType.values)
    skill_through = Resident.skills.through
    occupation_through = Resident.desired_occupations.through
    statuses = (EmploymentStatus.UNEMPLOYED, EmploymentStatus.NO_REGULAR_INCOME, EmploymentStatus.EMPLOYED)
    earliest, latest = EARLIEST_BIRTH.toordinal(), LATEST_BIRTH.toordinal()
    counts = ctx.counts
    for start in range(0, total, CHUNK):
        residents, pending = [], []
        priority_rows, skill_rows, occupation_rows, consents = [], [], [], []
        for index in range(start, min(total, start + CHUNK)):
            reg = _registration_ordinal(index, total)
            reg_day = datetime.date.fromordinal(reg)
            low, high = rng.choices(AGE_BANDS, weights=AGE_BAND_WEIGHTS)[0]
            birth = reg - int(rng.randint(low, high) * 365.25) - rng.randrange(365)
            birth = min(max(birth, earliest), latest)
            birth_day = datetime.date.fromordinal(birth)
            age = age_on(birth_day, reg_day)
            female = rng.random() < 0.52
            if rng.random() < 0.9:
                dong_id, outside = rng.choices(dong_ids, weights=dong_weights)[0], ""
            else:
                dong_id, outside = None, rng.choices(regions, weights=region_weights)[0]
            generation = "old" if birth_day.year < 1960 else "middle" if birth_day.year < 1980 else "young"
            levels = EDUCATION_BY_GENERATION[generation]
            education = rng.choices([lv for lv, _w in levels], weights=[w for _lv, w in levels])[0]
            status = rng.choices(statuses, weights=(55, 25, 20))[0]
            unemployed_days = rng.randrange(900) if status != EmploymentStatus.EMPLOYED else 0
            unemployed_since = (
                datetime.date.fromordinal(max(reg - unemployed_days, birth + 6575))
                if status != EmploymentStatus.EMPLOYED
                else None
            )
            mask = _resident_groups(rng, ctx, female, age, status, unemployed_days)
            wanted = sorted(rng.sample(range(len(types)), rng.choice((1, 1, 2, 2, 3))))
            desired = rng.sample(occupation_codes, rng.choice((1, 1, 2)))
            years = rng.randint(1, max(1, min(25, age - 19)))
            career = (
                rng.choice(CAREER_PHRASES).format(occupation=ctx.occupations[desired[0]].name, years=years)
                if rng.random() < 0.6
                else ""
            )
            created = at(reg, rng.randrange(9 * 60, 21 * 60))
            active_days = rng.randrange(max(1, min(1095, LAST_REGISTRATION.toordinal() - reg)))
            provision = rng.random() < 0.7
            resident = Resident(
                name=fake.name_female() if female else fake.name_male(),
                birth_date=birth_day,
                gender="female" if female else "male",
                dong_id=dong_id,
                outside_region=outside,
                phone=f"010-{rng.randrange(2000, 10000):04d}-{rng.randrange(10000):04d}",
                email=f"{fake.user_name()}{rng.randrange(10, 100)}@{rng.choice(EMAIL_DOMAINS)}"
                if rng.random() < 0.55
                else "",
                education_level=education,
                employment_status=status,
                unemployed_since=unemployed_since,
                desired_employment_types=[types[i] for i in wanted],
                desired_monthly_wage=rng.randrange(150, 401) * 10000 if rng.random() < 0.8 else None,
                career_summary=career,
                collection_consented_at=created,
                provision_consented_at=created if provision else None,
                consent_version=CONSENT_VERSION,
                created_at=created,
                last_active_at=created + datetime.timedelta(days=active_days),
            )
            residents.append(resident)
            ctx.r_reg.append(reg)
            ctx.r_birth.append(birth)
            ctx.r_dong.append(dong_id or 0)
            ctx.r_female.append(1 if female else 0)
            ctx.r_groups.append(mask)
            ctx.r_edu.append(EducationLevel.rank(education))
            ctx.r_provision.append(1 if provision else 0)
            pool = sorted({name for code in desired for name in OCCUPATION_SKILLS.get(code, ())})
            held = rng.sample(pool, min(len(pool), rng.choice((0, 1, 1, 2, 3)))) if pool else []
            pending.append((resident, mask, held, desired, created, provision))
        Resident.objects.bulk_create(residents, batch_size=BATCH)
        for resident, mask, held, desired, created, provision in pending:
            ctx.r_id.append(resident.pk)
            for group_id in ctx.group_ids(mask) if mask else ():
                verified = (
                    created + datetime.timedelta(days=rng.randint(1, 30)) if rng.random() < 0.7 else None
                )
                priority_rows.append(
                    ResidentPriorityGroup(
                        resident_id=resident.pk, priority_group_id=group_id, verified_at=verified
                    )
                )
            for name in held:
                skill_rows.append(skill_through(resident_id=resident.pk, skill_id=ctx.skills[name].pk))
            for code in desired:
                occupation_rows.append(
                    occupation_through(resident_id=resident.pk, occupation_id=ctx.occupations[code].pk)
                )
            consents.append(
                ConsentRecord(
                    resident_id=resident.pk,
                    kind=ConsentRecord.Kind.COLLECTION,
                    granted=True,
                    text_version=CONSENT_VERSION,
                    recorded_at=created,
                )
            )
            if provision:
                consents.append(
                    ConsentRecord(
                        resident_id=resident.pk,
                        kind=ConsentRecord.Kind.PROVISION,
                        granted=True,
                        text_version=CONSENT_VERSION,
                        recorded_at=created,
                    )
                )
        ResidentPriorityGroup.objects.bulk_create(priority_rows, batch_size=BATCH)
        skill_through.objects.bulk_create(skill_rows, batch_size=BATCH)
        occupation_through.objects.bulk_create(occupation_rows, batch_size=BATCH)
        ConsentRecord.objects.bulk_create(consents, batch_size=BATCH)
        counts["Resident"] = counts.get("Resident", 0) + len(residents)
        counts["ResidentPriorityGroup"] = counts.get("ResidentPriorityGroup", 0) + len(priority_rows)
        counts["ConsentRecord"] = counts.get("ConsentRecord", 0) + len(consents)


# --------------------------------------------------------------------------------------------
# Employers and agreements


@dataclass
class EmployerRow:
    pk: int
    kind: str
    name: str
    address: str
    dong_id: int | None
    weight: float
    agreement: "AgreementRow | None" = None


@dataclass
class AgreementRow:
    pk: int
    employer_id: int
    starts_on: int  # ordinal
    ends_on: int  # ordinal; the end of the plan period when open-ended
    weight: float


OUTSIDE_ADDRESSES = ("서울특별시 금천구 가산디지털1로", "서울특별시 영등포구 경인로", "경기도 광명시 광명로",
                     "서울특별시 양천구 오목로")  # fmt: skip
EMPLOYER_KIND_WEIGHTS = ((Employer.Kind.DIGITAL_VALLEY, 48), (Employer.Kind.OTHER, 38),
                         (Employer.Kind.SOCIAL_ENTERPRISE, 14))  # fmt: skip


def _guro_address(rng, dong_name):
    road = rng.choice(DONG_ROADS.get(dong_name, ("구로중앙로",)))
    return f"서울특별시 구로구 {road} {rng.randint(1, 300)}"


def create_employers(ctx, total):
    """Employers with valid, unique business numbers, a few anchor partners and their agreements."""
    rng, fake = ctx.rng, ctx.fake
    taken = set(Employer.objects.exclude(business_number="").values_list("business_number", flat=True))
    dong_by_name = {d.name: d for d in ctx.dongs}
    valley_dongs = [
        dong_by_name[name] for name in ("구로3동", "가리봉동") if name in dong_by_name
    ] or ctx.dongs
    anchors = max(1, round(total * 0.03)) if total else 0
    offset = rng.randrange(10000)
    kinds, kind_weights = [k for k, _w in EMPLOYER_KIND_WEIGHTS], [w for _k, w in EMPLOYER_KIND_WEIGHTS]
    employers, number_index = [], 0
    for index in range(total):
        kind = (
            Employer.Kind.ANCHOR_PARTNER if index < anchors else rng.choices(kinds, weights=kind_weights)[0]
        )
        if kind == Employer.Kind.DIGITAL_VALLEY:
            dong = rng.choice(valley_dongs)
            address = f"서울특별시 구로구 {rng.choice(DONG_ROADS.get(dong.name, ('디지털로',)))} {rng.randint(1, 300)}"
            headcount = int(min(500, 5 + rng.lognormvariate(3, 1)))
        elif kind == Employer.Kind.ANCHOR_PARTNER:
            dong = rng.choice(ctx.dongs)
            address = _guro_address(rng, dong.name)
            headcount = rng.randint(200, 2000)
        elif rng.random() < 0.12:  # outside Guro, hiring Guro residents all the same
            dong, address = None, f"{rng.choice(OUTSIDE_ADDRESSES)} {rng.randint(1, 200)}"
            headcount = int(min(300, 3 + rng.lognormvariate(2.5, 1)))
        else:
            dong = rng.choice(ctx.dongs)
            address = _guro_address(rng, dong.name)
            headcount = int(min(300, 3 + rng.lognormvariate(2.5, 1)))
        company = fake.company()
        if kind == Employer.Kind.SOCIAL_ENTERPRISE:
            company = f"{company.split(' ', 1)[-1]} 사회적협동조합"
        number = business_number(number_index, offset)
        while number in taken:
            number_index += 1
            number = business_number(number_index, offset)
        taken.add(number)
        number_index += 1
        employers.append(
            Employer(
                name=company,
                business_number=number,
                kind=kind,
                industry=rng.choice(INDUSTRIES[kind]),
                representative=fake.name(),
                address=address,
                dong=dong,
                in_digital_valley=kind == Employer.Kind.DIGITAL_VALLEY,
                headcount=headcount,
                phone=f"02-{rng.randrange(2000, 3000):04d}-{rng.randrange(10000):04d}",
                created_at=at(
                    rng.randint(
                        datetime.date(2009, 1, 2).toordinal(), datetime.date(2014, 6, 30).toordinal()
                    ),
                    rng.randrange(9 * 60, 18 * 60),
                ),  # fmt: skip
            )
        )
    Employer.objects.bulk_create(employers, batch_size=BATCH)
    ctx.counts["Employer"] = len(employers)
    rows = [
        EmployerRow(e.pk, e.kind, e.name, e.address, e.dong_id, max(1.0, (e.headcount or 1) ** 0.5))
        for e in employers
    ]
    agreements = _create_agreements(ctx, [row for row in rows if row.kind == Employer.Kind.ANCHOR_PARTNER])
    dcube = (
        Agreement.objects.select_related("employer")
        .filter(employer__name="대성 디큐브시티")
        .order_by("id")
        .first()
    )
    if dcube:
        ends = dcube.ends_on or PLAN_END
        dcube_row = AgreementRow(
            dcube.pk, dcube.employer_id, dcube.starts_on.toordinal(), ends.toordinal(),
            float(dcube.planned_hires * dcube.local_hire_share) / 100,
        )  # fmt: skip
        agreements.insert(0, dcube_row)
        employer = dcube.employer
        rows.append(
            EmployerRow(
                employer.pk, employer.kind, employer.name, employer.address, employer.dong_id, 30.0, dcube_row
            )
        )
    return rows, agreements


def _create_agreements(ctx, anchors):
    rng = ctx.rng
    incentives = list(Agreement.Incentive.values)
    chosen = anchors[: max(2, min(20, len(anchors) // 2))]
    objects = []
    for row in chosen:
        signed = rng.randint(datetime.date(2010, 6, 1).toordinal(), datetime.date(2013, 6, 30).toordinal())
        starts = signed + rng.randint(0, 30)
        ends = starts + rng.randint(3 * 365, 5 * 365) if rng.random() < 0.5 else None
        planned = rng.choice((30, 50, 100, 150, 200, 300))
        share = rng.choice((30, 40, 50, 60))
        picked = sorted(rng.sample(range(len(incentives)), rng.randint(1, 3)))
        objects.append(
            Agreement(
                employer_id=row.pk,
                title=f"{row.name} 지역 주민 우선 채용 업무제휴",
                signed_on=datetime.date.fromordinal(signed),
                starts_on=datetime.date.fromordinal(starts),
                ends_on=datetime.date.fromordinal(ends) if ends else None,
                planned_hires=planned,
                local_hire_share=Decimal(share),
                incentives=[incentives[i] for i in picked],
                notes=f"채용 예정 {planned}명 중 {share}%를 구로구 주민으로 채용",
            )
        )
    Agreement.objects.bulk_create(objects, batch_size=BATCH)
    ctx.counts["Agreement"] = len(objects)
    rows = []
    for row, agreement in zip(chosen, objects, strict=True):
        ends = agreement.ends_on or PLAN_END
        weight = float(agreement.planned_hires * agreement.local_hire_share) / 100
        row.agreement = AgreementRow(
            agreement.pk, row.pk, agreement.starts_on.toordinal(), ends.toordinal(), weight
        )
        rows.append(row.agreement)
    return rows


# --------------------------------------------------------------------------------------------
# Programs: the 2010 programs from the migration, and the same kinds for 2011–2014 and this year


@dataclass
class ProgramRow:
    pk: int
    year: int
    kind: str
    weight: float  # share of the year's program placements (0: no placements, e.g. training)
    capacity: float  # share of the applications
    points: dict  # priority group id → points
    required: int  # bitmask of required priority groups (any one)
    min_age: int | None
    max_age: int | None
    residency: bool
    min_education: int
    opens: int  # ordinals: applications open, close; program starts, ends
    closes: int
    starts: int
    ends: int
    monthly_wage: int | None
    current: bool = False


SCHEDULES = {  # (applications open, close, program starts, ends) as (month, day)
    Program.Kind.YOUTH_INTERNSHIP: ((2, 1), (2, 20), (3, 2), (8, 31)),
    Program.Kind.JOB_TRAINING: ((3, 2), (3, 20), (4, 1), (6, 30)),
}
DEFAULT_SCHEDULE = ((1, 2), (1, 25), (2, 1), (12, 20))
FIXED_CAPACITY = {
    Program.Kind.YOUTH_INTERNSHIP: 100,
    Program.Kind.COMMUNITY_JOBS: 200,
    Program.Kind.JOB_TRAINING: 60,
}
DAILY_PROGRAM_WAGE = {2010: 33000, 2011: 35000, 2012: 36000, 2013: 38000, 2014: 40000}


def _program_wage(year, kind):
    if kind == Program.Kind.JOB_TRAINING:
        return None, WageUnit.DAILY
    if kind == Program.Kind.YOUTH_INTERNSHIP:
        return ((minimum_wage(year) * 209 + 9999) // 10000) * 10000, WageUnit.MONTHLY
    daily = DAILY_PROGRAM_WAGE.get(year) or ((minimum_wage(year) * 8 + 999) // 1000) * 1000
    return daily, WageUnit.DAILY


def create_programs(ctx, public_targets):
    """Copies of the 2010 programs for 2011–2014 and this year (existing codes are reused)."""
    base = list(
        Program.objects.filter(year=2010).order_by("code").prefetch_related("required_priority_groups")
    )
    years = list(PLAN_YEARS[1:]) + ([ctx.today.year] if ctx.today.year > PLAN_YEARS[-1] else [])
    base_points = {}
    for weight in ProgramPriorityWeight.objects.filter(program__in=base).order_by("id"):
        base_points.setdefault(weight.program_id, []).append((weight.priority_group_id, weight.points))
    existing = {p.code: p for p in Program.objects.filter(year__in=years)}
    created = 0
    for year in years:
        scale = public_targets.get(year, public_targets[PLAN_YEARS[-1]]) / public_targets[2010]
        for program in base:
            code = f"{year}-{program.code.removeprefix('2010-')}"
            if code in existing:
                continue
            opens, closes, starts, ends = SCHEDULES.get(program.kind, DEFAULT_SCHEDULE)
            wage, unit = _program_wage(year, program.kind)
            capacity = FIXED_CAPACITY.get(program.kind) or (
                round((program.capacity or 100) * scale / 10) * 10
            )
            copy = Program.objects.create(
                code=code,
                name=program.name,
                kind=program.kind,
                sector=program.sector,
                year=year,
                description=program.description,
                capacity=capacity,
                starts_on=datetime.date(year, *starts),
                ends_on=datetime.date(year, *ends),
                applications_open_on=datetime.date(year, *opens),
                applications_close_on=datetime.date(year, *closes),
                wage_amount=wage,
                wage_unit=unit,
                is_published=program.is_published,
                min_age=program.min_age,
                max_age=program.max_age,
                requires_guro_residency=program.requires_guro_residency,
                allowed_employment_statuses=list(program.allowed_employment_statuses),
                min_education=program.min_education,
            )
            copy.required_priority_groups.set(program.required_priority_groups.all())
            ProgramPriorityWeight.objects.bulk_create(
                ProgramPriorityWeight(program=copy, priority_group_id=group_id, points=points)
                for group_id, points in base_points.get(program.pk, [])
            )
            existing[code] = copy
            created += 1
    ctx.counts["Program"] = created
    return _program_rows(ctx, [*base, *sorted(existing.values(), key=lambda p: (p.year, p.code))])


def _program_rows(ctx, programs):
    points = {}
    for weight in ProgramPriorityWeight.objects.filter(program__in=programs).order_by("id"):
        points.setdefault(weight.program_id, {})[weight.priority_group_id] = weight.points
    bit_by_id = {g.pk: 1 << i for i, g in enumerate(ctx.groups)}
    required = {}
    through = Program.required_priority_groups.through
    for program_id, group_id in through.objects.filter(program__in=programs).values_list(
        "program_id", "prioritygroup_id"
    ):
        required[program_id] = required.get(program_id, 0) | bit_by_id.get(group_id, 0)
    rows = []
    for program in programs:
        opens, closes, starts, ends = SCHEDULES.get(program.kind, DEFAULT_SCHEDULE)
        year = program.year

        def day(value, default, year=year):
            return (value or datetime.date(year, *default)).toordinal()

        starts_on = day(program.starts_on, starts)
        ends_on = max(starts_on, day(program.ends_on, ends))
        closes_on = min(day(program.applications_close_on, closes), starts_on - 1)
        opens_on = min(day(program.applications_open_on, opens), closes_on)
        if program.wage_amount:
            wage = Vacancy(wage_amount=program.wage_amount, wage_unit=program.wage_unit, weekly_hours=40)
            monthly = wage.compute_monthly_wage()
        else:
            daily, unit = _program_wage(year, program.kind)
            monthly = Vacancy(wage_amount=daily or 0, wage_unit=unit, weekly_hours=40).compute_monthly_wage()
        placing = program.kind != Program.Kind.JOB_TRAINING and year in PLAN_YEARS
        rows.append(
            ProgramRow(
                pk=program.pk,
                year=year,
                kind=program.kind,
                weight=float(program.capacity or 150) if placing else 0.0,
                capacity=float(program.capacity or 150),
                points=points.get(program.pk, {}),
                required=required.get(program.pk, 0),
                min_age=program.min_age,
                max_age=program.max_age,
                residency=program.requires_guro_residency,
                min_education=EducationLevel.rank(program.min_education) if program.min_education else -1,
                opens=opens_on,
                closes=closes_on,
                starts=starts_on,
                ends=ends_on,
                monthly_wage=monthly or None,
                current=year == ctx.today.year,
            )
        )
    return rows


def program_fit(ctx, program, ordinal):
    """Whether a resident meets a program's rules on a day (age, residency, groups, education)."""
    day = datetime.date.fromordinal(ordinal)

    def fits(index):
        if program.residency and not ctx.r_dong[index]:
            return False
        if program.required and not ctx.r_groups[index] & program.required:
            return False
        if program.min_education >= 0 and ctx.r_edu[index] < program.min_education:
            return False
        if program.min_age is not None or program.max_age is not None:
            age = age_on(datetime.date.fromordinal(ctx.r_birth[index]), day)
            if program.min_age is not None and age < program.min_age:
                return False
            if program.max_age is not None and age > program.max_age:
                return False
        return True

    return fits


# --------------------------------------------------------------------------------------------
# Vacancies


@dataclass
class VacancyRow:
    pk: int
    employer_id: int
    agreement_id: int | None
    year: int
    posted: int  # ordinal, 0 when not posted
    closes: int  # ordinal, 0 when none
    status: str
    monthly_wage: int
    current: bool


EMPLOYMENT_TYPE_LABELS = {"full_time": "정규직", "contract": "계약직", "part_time": "시간제", "daily": "일용직",
                          "internship": "인턴"}  # fmt: skip
TITLE_SUFFIXES = {"full_time": ("정규직 채용", "신입·경력 채용", "채용"), "contract": ("계약직 모집", "1년 계약직 채용"),
                  "part_time": ("시간제 모집", "파트타임 모집"), "daily": ("일용직 모집",), "internship": ("인턴 모집",)}  # fmt: skip
SERVICE_OCCUPATIONS = {"07", "08", "10", "11", "12", "13", "15"}
IT_OCCUPATIONS = {"01", "02", "03", "04"}
OPENINGS = (1, 2, 3, 4, 5, 8, 10, 20)
OPENING_WEIGHTS = (35, 25, 15, 8, 8, 4, 3, 2)
EDUCATION_REQUIREMENTS = ("", EducationLevel.HIGH_SCHOOL, EducationLevel.VOCATIONAL_HIGH_SCHOOL,
                          EducationLevel.JUNIOR_COLLEGE, EducationLevel.UNIVERSITY)  # fmt: skip


def _round_up(value, unit):
    return int(-(-value // unit) * unit)


def _vacancy_wage(rng, year, code, employment_type):
    """(amount, unit, weekly hours), never below that year's minimum wage."""
    hourly = minimum_wage(year)
    if employment_type == "part_time":
        return _round_up(hourly * rng.uniform(1.0, 1.25), 10), WageUnit.HOURLY, rng.choice((15, 20, 25, 30))
    if employment_type == "daily":
        return _round_up(hourly * 8 * rng.uniform(1.05, 1.5), 1000), WageUnit.DAILY, rng.choice((40, 44, 48))
    base = hourly * 209
    if employment_type == "internship":
        return _round_up(base * rng.uniform(1.0, 1.15), 10000), WageUnit.MONTHLY, 40
    monthly = _round_up(
        base * (rng.uniform(1.3, 2.6) if code in IT_OCCUPATIONS else rng.uniform(1.0, 1.5)), 10000
    )
    if employment_type == "full_time" and code in IT_OCCUPATIONS and rng.random() < 0.4:
        return _round_up(monthly * 12, 1000000), WageUnit.YEARLY, 40
    return monthly, WageUnit.MONTHLY, 40


def create_vacancies(ctx, total, employers, private_targets):
    """Vacancies posted 2010–2014 (closed or filled) and a share this year (mostly open)."""
    rng = ctx.rng
    if not total:
        return []
    if not employers:
        raise ValidationError(_("채용 공고를 만들려면 기업이 한 곳 이상 있어야 합니다."))
    current = 0 if total < 2 else max(1, round(total * 0.1))
    per_year = allocate(total - current, [private_targets[y] for y in PLAN_YEARS], rng)
    years = [y for y, n in zip(PLAN_YEARS, per_year, strict=True) for _i in range(n)] + [
        ctx.today.year
    ] * current
    cumulative, running = [], 0.0
    for row in employers:
        running += row.weight
        cumulative.append(running)
    types = list(EmploymentType.values)
    today = ctx.today.toordinal()
    first_of_year = datetime.date(ctx.today.year, 1, 1).toordinal()
    skill_through = Vacancy.required_skills.through
    rows = []
    for start in range(0, len(years), CHUNK):
        vacancies, skills = [], []
        for index in range(start, min(len(years), start + CHUNK)):
            year, is_current = years[index], index >= total - current
            employer = rng.choices(employers, cum_weights=cumulative)[0]
            code = rng.choice(KIND_OCCUPATIONS.get(employer.kind, KIND_OCCUPATIONS[Employer.Kind.OTHER]))
            occupation = ctx.occupations.get(code) or next(iter(ctx.occupations.values()))
            service = code in SERVICE_OCCUPATIONS
            employment_type = rng.choices(
                types, weights=(30, 25, 30, 10, 5) if service else (50, 25, 8, 2, 15)
            )[0]
            amount, unit, hours = _vacancy_wage(rng, year, code, employment_type)
            role = rng.choice(OCCUPATION_TITLES.get(code, ("직원",)))
            title = f"{role} {rng.choice(TITLE_SUFFIXES[employment_type])}"
            if rng.random() < 0.2:
                title = f"[구로구 주민 우대] {title}"
            openings = rng.choices(OPENINGS, weights=OPENING_WEIGHTS)[0]
            if is_current:
                status = rng.choices(("open", "pending_review", "draft", "closed"), weights=(80, 8, 5, 7))[0]
                if status == "open":
                    posted = max(first_of_year, today - rng.randrange(46))
                    closes = today + rng.randint(7, 60)
                elif status == "closed":
                    posted = max(first_of_year, today - rng.randint(30, 90))
                    closes = max(posted, min(today - 1, posted + 21))
                elif status == "pending_review":
                    posted, closes = 0, today + rng.randint(20, 60)
                else:
                    posted, closes = 0, 0
                created_day = (posted or today) - rng.randint(0, 3)
            else:
                status = rng.choice(("filled", "closed"))
                posted = rng.randint(
                    datetime.date(year, 1, 2).toordinal(), datetime.date(year, 12, 20).toordinal()
                )
                closes = posted + rng.randint(14, 45)
                created_day = posted - rng.randint(1, 5)
            agreement = employer.agreement
            agreement_id = (
                agreement.pk
                if agreement and posted and posted >= agreement.starts_on and rng.random() < 0.6
                else None
            )
            vacancy = Vacancy(
                employer_id=employer.pk,
                agreement_id=agreement_id,
                title=title,
                description=(
                    f"{employer.name}에서 {role}을(를) {openings}명 모집합니다.\n"
                    f"주요 업무: {OCCUPATION_DUTIES.get(code, '')}\n"
                    f"근무 형태: {EMPLOYMENT_TYPE_LABELS[employment_type]}, 주 {hours}시간\n"
                    f"근무지: {employer.address}"
                ),
                occupation=occupation,
                employment_type=employment_type,
                wage_amount=amount,
                wage_unit=unit,
                weekly_hours=hours,
                work_place=employer.address,
                dong_id=employer.dong_id,
                openings=openings,
                required_education=rng.choice(EDUCATION_REQUIREMENTS) if rng.random() < 0.55 else "",
                status=status,
                posted_on=datetime.date.fromordinal(posted) if posted else None,
                closes_on=datetime.date.fromordinal(closes) if closes else None,
                created_at=at(created_day, rng.randrange(9 * 60, 18 * 60)),
                approved_at=at(posted, rng.randrange(9 * 60, 10 * 60)) if posted else None,
            )
            # bulk_create skips save(), which keeps the monthly wage in step: compute it here.
            vacancy.monthly_wage = vacancy.compute_monthly_wage()
            vacancies.append(vacancy)
            pool = OCCUPATION_SKILLS.get(code, ())
            wanted = rng.sample(pool, min(len(pool), rng.choice((0, 0, 1, 1, 2))))
            skills.append(wanted)
        Vacancy.objects.bulk_create(vacancies, batch_size=BATCH)
        through_rows = []
        for vacancy, wanted, year_index in zip(
            vacancies, skills, range(start, start + len(vacancies)), strict=True
        ):
            for name in wanted:
                if name in ctx.skills:
                    through_rows.append(skill_through(vacancy_id=vacancy.pk, skill_id=ctx.skills[name].pk))
            rows.append(
                VacancyRow(
                    vacancy.pk,
                    vacancy.employer_id,
                    vacancy.agreement_id,
                    years[year_index],
                    vacancy.posted_on.toordinal() if vacancy.posted_on else 0,
                    vacancy.closes_on.toordinal() if vacancy.closes_on else 0,
                    vacancy.status,
                    vacancy.monthly_wage,
                    year_index >= total - current,
                )  # fmt: skip
            )
        skill_through.objects.bulk_create(through_rows, batch_size=BATCH)
        ctx.counts["Vacancy"] = ctx.counts.get("Vacancy", 0) + len(vacancies)
    return rows


# --------------------------------------------------------------------------------------------
# Placements, applications and follow-ups


def retention_checks(ctx, placement, started, ended=None):
    """Follow-ups at 1, 3, 6, 12 months. Without a known end, whether the person stayed is drawn
    (and the placement's end day follows from it); with one, employed means before that day."""
    rng = ctx.rng
    start_day = datetime.date.fromordinal(started)
    checks, employed, previous, left_on = [], True, started, None
    for months, stay in RETENTION_STAY:
        due = add_months(start_day, months).toordinal()
        if ended is not None:
            result = due <= ended
        else:
            if employed and rng.random() >= stay:
                employed, left_on = False, rng.randint(previous + 1, due - 1)
            result = employed
        unchecked = rng.random() < 0.02
        checks.append(
            RetentionCheck(
                placement=placement,
                months_after_start=months,
                due_on=datetime.date.fromordinal(due),
                checked_on=None if unchecked else datetime.date.fromordinal(due + rng.randint(0, 10)),
                still_employed=None if unchecked else result,
                note=""
                if unchecked or rng.random() < 0.7
                else rng.choice(("전화 확인", "문자 회신", "사업장 확인")),
            )
        )
        previous = due
    return checks, left_on


def _event_time(rng, ordinal, step):
    """Times of a timeline's steps on one day increase with the step."""
    return at(ordinal, 9 * 60 + step * 90 + rng.randrange(80))


def _placement(ctx, writer, *, index, started, ended=None, **fields):
    rng = ctx.rng
    placement = Placement(
        started_on=datetime.date.fromordinal(started),
        recorded_at=at(started + rng.randint(0, 5), rng.randrange(9 * 60, 18 * 60)),
        **ctx.facts(index, datetime.date.fromordinal(started)),
        **fields,
    )
    checks, left_on = retention_checks(ctx, placement, started, ended)
    end = ended if ended is not None else left_on
    placement.ended_on = datetime.date.fromordinal(end) if end else None
    writer.add_placement(placement, ctx.r_groups[index], checks)
    return placement


def _job_application(ctx, writer, *, index, vacancy, flow, days):
    """A job application and one event per step of its flow (on non-decreasing days)."""
    rng = ctx.rng
    application = JobApplication(
        resident_id=ctx.r_id[index],
        vacancy_id=vacancy.pk,
        status=flow[-1],
        created_at=_event_time(rng, days[0], 0),
        status_changed_at=_event_time(rng, days[-1], len(flow) - 1),
    )
    writer.job_applications.append(application)
    for step, (status, day) in enumerate(zip(flow, days, strict=True)):
        occurred = application.created_at if step == 0 else _event_time(rng, day, step)
        if step == len(flow) - 1:
            occurred = application.status_changed_at
        note = {"referred": "구로구 일자리센터 알선", "interview": "면접 일정 안내"}.get(status, "")
        writer.job_events.append(JobApplicationEvent(application=application, status=status, note=note,
                                                     occurred_at=occurred))  # fmt: skip
    return application


def _flow(rng, flows):
    return rng.choices([f for f, _w in flows], weights=[w for _f, w in flows])[0]


def _days(rng, first, last, steps):
    """`steps` non-decreasing days from `first` to at most `last`."""
    days = [first]
    for _step in range(steps - 1):
        days.append(rng.randint(days[-1], max(days[-1], last)))
    return days


def create_vacancy_placements(ctx, writer, vacancies, hires, unplaced, linker):
    today = ctx.today.toordinal()
    consented = ctx.r_provision
    for vacancy, hire_count, other_count in zip(vacancies, hires, unplaced, strict=True):
        rng = ctx.rng
        used = set()
        year_end = datetime.date(vacancy.year, 12, 31).toordinal()
        for _hire in range(hire_count):
            started = min(vacancy.posted + rng.randint(14, 60), year_end)
            applied = rng.randint(vacancy.posted, max(vacancy.posted, started - 7))
            index = ctx.pick_resident(applied, used, consented.__getitem__)
            application = None
            if linker.take():
                first = "referred" if rng.random() < 0.2 else "applied"
                flow = (first, "interview", "hired") if rng.random() < 0.7 else (first, "hired")
                days = _days(rng, applied, started, len(flow))
                application = _job_application(
                    ctx, writer, index=index, vacancy=vacancy, flow=flow, days=days
                )
            _placement(
                ctx, writer, index=index, started=started, source=Placement.Source.VACANCY, sector="private",
                job_application=application, employer_id=vacancy.employer_id, agreement_id=vacancy.agreement_id,
                monthly_wage=vacancy.monthly_wage,
            )  # fmt: skip
        if not other_count:
            continue
        if vacancy.current:
            last = today
            flows = JOB_APPLICATION_FLOWS["open" if vacancy.status == "open" else "past"]
        else:
            last = vacancy.closes or vacancy.posted + 30
            flows = JOB_APPLICATION_FLOWS["past"]
        for _other in range(other_count):
            applied = rng.randint(vacancy.posted, max(vacancy.posted, min(last, today)))
            index = ctx.pick_resident(applied, used, consented.__getitem__)
            flow = _flow(rng, flows)
            days = _days(rng, applied, min(applied + 30, today), len(flow))
            _job_application(ctx, writer, index=index, vacancy=vacancy, flow=flow, days=days)
        if len(writer.job_applications) >= CHUNK:
            writer.flush()


def create_agreement_placements(ctx, writer, per_year):
    """Hires under agreements (D-Cube City first), within each agreement's term."""
    rng = ctx.rng
    for year, plans in per_year.items():
        for agreement, count, first, last in plans:
            used = set()
            wage_base = minimum_wage(year) * 209
            for _i in range(count):
                started = rng.randint(first, last)
                index = ctx.pick_resident(started, used, ctx.r_dong.__getitem__, attempts=5)
                _placement(
                    ctx, writer, index=index, started=started, source=Placement.Source.AGREEMENT, sector="private",
                    employer_id=agreement.employer_id, agreement_id=agreement.pk,
                    monthly_wage=_round_up(wage_base * rng.uniform(1.0, 1.3), 10000),
                )  # fmt: skip


def _priority_score(ctx, program, index):
    mask = ctx.r_groups[index]
    return sum(points for group_id, points in program.points.items() if mask & ctx.group_bit_by_id[group_id])


def _program_application(ctx, writer, *, index, program, flow, applied, decided, waitlist=None):
    rng = ctx.rng
    final = flow[-1]
    decided_at = _event_time(rng, decided, 2) if len(flow) > 1 and final != "withdrawn" else None
    reasons = {
        "ineligible": rng.choice(INELIGIBLE_REASONS),
        "waitlisted": "정원 초과로 대기",
        "withdrawn": "본인 요청으로 신청 취소",
        "dropped": "개인 사정으로 중도 포기",
        "selected": "선발 기준 점수 충족",
        "active": "선발 기준 점수 충족",
        "completed": "선발 기준 점수 충족",
    }
    application = ProgramApplication(
        resident_id=ctx.r_id[index],
        program_id=program.pk,
        status=final,
        priority_score=_priority_score(ctx, program, index) if "eligible" in flow else None,
        waitlist_position=waitlist,
        decision_reason=reasons.get(final, ""),
        applied_at=_event_time(rng, applied, 0),
        decided_at=decided_at,
    )
    writer.program_applications.append(application)
    return application


def _program_events(writer, application, steps):
    for status, occurred in steps:
        writer.program_events.append(
            ProgramApplicationEvent(
                application=application,
                status=status,
                reason=application.decision_reason if status == application.status else "",
                occurred_at=occurred,
            )
        )


def create_program_placements(ctx, writer, programs, placements, unplaced, linker):
    today = ctx.today.toordinal()
    for program, placement_count, other_count in zip(programs, placements, unplaced, strict=True):
        rng = ctx.rng
        used = set()
        fits = program_fit(ctx, program, program.closes)

        def misfits(index, fits=fits):
            return not fits(index)

        for _i in range(placement_count):
            late = rng.random() >= 0.7  # most start on day one; some fill places later
            started = (
                rng.randint(program.starts, min(program.ends, program.starts + 150))
                if late
                else program.starts
            )
            applied = rng.randint(program.opens, program.closes)
            decided = min(program.closes + rng.randint(1, 5), started)
            dropped = rng.random() < 0.12
            ended = rng.randint(started, program.ends) if dropped else program.ends
            index = ctx.pick_resident(applied, used, fits)
            application = None
            if linker.take():
                flow = ("applied", "eligible", "selected", "active", "dropped" if dropped else "completed")
                application = _program_application(
                    ctx, writer, index=index, program=program, flow=flow, applied=applied, decided=decided
                )
                _program_events(writer, application, (
                    ("applied", application.applied_at), ("eligible", _event_time(rng, decided, 1)),
                    ("selected", application.decided_at), ("active", _event_time(rng, started, 0)),
                    (flow[-1], at(ended, 18 * 60)),
                ))  # fmt: skip
            _placement(
                ctx, writer, index=index, started=started, ended=ended, source=Placement.Source.PROGRAM,
                sector="public", program_id=program.pk, program_application=application,
                monthly_wage=program.monthly_wage,
            )  # fmt: skip
        waitlist = 0
        flows = PROGRAM_APPLICATION_FLOWS["current" if program.current else "past"]
        for _i in range(other_count):
            flow = _flow(rng, flows)
            last = min(program.closes, today) if program.current else program.closes
            applied = rng.randint(min(program.opens, last), last)
            decided = max(applied, min(program.closes + rng.randint(1, 5), today))
            if flow[-1] == "ineligible":
                index = ctx.pick_resident(applied, used, misfits, attempts=10)
            else:
                index = ctx.pick_resident(applied, used, fits)
            position = None
            if flow[-1] == "waitlisted":
                waitlist += 1
                position = waitlist
            application = _program_application(
                ctx, writer, index=index, program=program, flow=flow, applied=applied, decided=decided,
                waitlist=position,
            )  # fmt: skip
            steps = [("applied", application.applied_at)]
            for step, status in enumerate(flow[1:], start=1):
                if status == "withdrawn":
                    occurred = _event_time(rng, max(applied, decided - 1), step)
                elif status == "dropped":
                    occurred = at(max(decided, program.starts), 17 * 60)
                else:
                    occurred = _event_time(rng, decided, step)
                steps.append((status, occurred))
            _program_events(writer, application, steps)
        if len(writer.program_applications) >= CHUNK:
            writer.flush()


# --------------------------------------------------------------------------------------------
# The plan: how many placements of which kind in which year


def _targets():
    public = dict(PLAN_TARGETS)
    found = Target.objects.filter(scope="sector", year__in=PLAN_YEARS, sector__in=("public", "private"))
    rows = {(t.year, t.sector): t.count for t in found}
    return (
        {y: rows.get((y, "public"), public[y][0]) for y in PLAN_YEARS},
        {y: rows.get((y, "private"), public[y][1]) for y in PLAN_YEARS},
    )


def _year_window(agreement, year):
    first = max(datetime.date(year, 1, 1).toordinal(), agreement.starts_on)
    last = min(datetime.date(year, 12, 31).toordinal(), agreement.ends_on)
    return first, last


def plan_placements(ctx, total, public_targets, private_targets, vacancies, agreements, programs):
    """Placements per year in the plan's proportions, split by source (vacancy, agreement, program)."""
    rng = ctx.rng
    residents = len(ctx.r_id)
    per_year = allocate(total, [public_targets[y] + private_targets[y] for y in PLAN_YEARS], rng)
    vacancy_hires = [0] * len(vacancies)
    agreement_plans = {}
    program_counts = [0] * len(programs)
    for year, count in zip(PLAN_YEARS, per_year, strict=True):
        public = round(count * public_targets[year] / (public_targets[year] + private_targets[year]))
        private = count - public
        active = [(a, *_year_window(a, year)) for a in agreements]
        active = [(a, first, last) for a, first, last in active if first <= last]
        by_agreement = round(private * 0.2) if active else 0
        by_vacancy = private - by_agreement
        year_vacancies = [i for i, v in enumerate(vacancies) if v.year == year and not v.current]
        if by_vacancy and not year_vacancies:
            if active:
                by_agreement, by_vacancy = private, 0
            else:
                public, by_vacancy = count, 0
        if by_vacancy:
            weights = [2.0 if vacancies[i].status == "filled" else 0.5 for i in year_vacancies]
            for i, hires in zip(year_vacancies, allocate(by_vacancy, weights, rng, [residents] * len(weights)),
                                strict=True):  # fmt: skip
                vacancy_hires[i] = hires
        if by_agreement:
            parts = allocate(by_agreement, [a.weight for a, _f, _l in active], rng, [residents] * len(active))
            agreement_plans[year] = [
                (a, n, first, last) for (a, first, last), n in zip(active, parts, strict=True)
            ]
        year_programs = [i for i, p in enumerate(programs) if p.year == year and p.weight > 0]
        if public and not year_programs:
            raise ValidationError(
                _("%(year)s년 일자리 사업이 없어 공공 부문 실적을 만들 수 없습니다.") % {"year": year}
            )
        if public:
            parts = allocate(
                public, [programs[i].weight for i in year_programs], rng, [residents] * len(year_programs)
            )
            for i, n in zip(year_programs, parts, strict=True):
                program_counts[i] = n
    return vacancy_hires, agreement_plans, program_counts


# --------------------------------------------------------------------------------------------
# The entry point


@transaction.atomic
def seed_demo(*, counts, seed, today):
    """Fill the database with demo data; the same counts and seed give the same data."""
    began = time.perf_counter()
    if counts.residents < 1 and (counts.placements or counts.applications or counts.program_applications):
        raise ValidationError(_("지원·실적을 만들려면 구직자가 한 명 이상 있어야 합니다."))
    ctx = Context(seed, today)
    public_targets, private_targets = _targets()
    create_residents(ctx, counts.residents)
    employers, agreements = create_employers(ctx, counts.employers)
    programs = create_programs(ctx, public_targets)
    vacancies = create_vacancies(ctx, counts.vacancies, employers, private_targets)
    vacancy_hires, agreement_plans, program_counts = plan_placements(
        ctx, counts.placements, public_targets, private_targets, vacancies, agreements, programs
    )
    residents = len(ctx.r_id)
    writer = Writer(ctx)

    hires = sum(vacancy_hires)
    linked_jobs = min(counts.applications, hires)
    weights = [
        0.0 if v.status in ("draft", "pending_review") else 4.0 if v.current and v.status == "open" else 1.0
        for v in vacancies
    ]
    unplaced_jobs = allocate(
        counts.applications - linked_jobs, weights, ctx.rng, [residents - h for h in vacancy_hires]
    )
    create_vacancy_placements(
        ctx, writer, vacancies, vacancy_hires, unplaced_jobs, Spreader(linked_jobs, hires)
    )

    create_agreement_placements(ctx, writer, agreement_plans)

    in_programs = sum(program_counts)
    linked_programs = min(counts.program_applications, in_programs)
    unplaced_programs = allocate(
        counts.program_applications - linked_programs,
        [p.capacity for p in programs],
        ctx.rng,
        [residents - n for n in program_counts],
    )
    create_program_placements(
        ctx, writer, programs, program_counts, unplaced_programs, Spreader(linked_programs, in_programs)
    )
    writer.flush()
    return DemoSummary(counts=dict(ctx.counts), seconds=time.perf_counter() - began)
