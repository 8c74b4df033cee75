"""Demo data for the portal: residents, employers, vacancies, programs, applications and placements.

`seed_demo()` fills the database with realistic Korean data spread over the plan period 2010–2014,
so the dashboards and lists have something to show. Every random choice comes from a
`random.Random` seeded with the seed (residents' names are drawn from Faker's ko_KR lists with
their weights; company names come from a `Faker("ko_KR")` seeded the same): the same arguments
give the same data. Dates never depend on the day it runs, except this year's vacancies and
program applications (the public portal needs something open today), which draw from a stream of
their own so that the 2010–2014 data stays the same whatever the day.

It scales: rows are generated as plain lists and written in chunks with bulk inserts (M2M
through rows too); per-resident facts needed later (registration day, birth day, dong, gender,
priority groups) are kept in compact arrays, never as model instances, so memory stays flat.
"""

import bisect
import calendar
import csv
import datetime
import io
import itertools
import json
import operator
import random
import time
from array import array
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from faker import Faker
from faker.providers.person.ko_KR import Provider as KoreanNames

from employers.models import Agreement, Employer, Vacancy
from guro_jobs.validators import business_number_check_digit
from placements.models import JobApplication, JobApplicationEvent, Placement, RetentionCheck
from plans.models import YearPlan
from programs.models import (
    PlacePool,
    Program,
    ProgramApplication,
    ProgramApplicationEvent,
    ProgramPriorityWeight,
)
from references import keco2018
from references.choices import EducationLevel, EmploymentStatus, EmploymentType, WageUnit
from references.models import AdministrativeDong, Occupation, PriorityGroup, Skill
from references.wages import minimum_hourly_wage
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
EMAIL_DOMAINS = ("example.com", "example.net", "example.org")  # reserved: demo mail goes nowhere
ROMAN_NAMES = ("minjun", "seoyeon", "jiwoo", "hayoon", "dohyun", "seojun", "jiho", "sujin", "youngho",
               "mija", "kyungsoo", "jihye", "hyunwoo", "eunji", "sungmin", "yuna", "kim", "lee", "park",
               "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "han", "oh", "seo", "shin")  # fmt: skip

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
    """Korea's legal minimum hourly wage (최저임금) of a year, from references/wages.py."""
    return minimum_hourly_wage(year)


def round_up(value, unit):
    return int(-(-value // unit) * unit)


class FastRandom(random.Random):
    """random.Random drawing integers from one float each: several times faster, just as
    deterministic, and a bias (below 1e-15) no demo can show."""

    def _randbelow(self, n):  # used by choice(), sample() and shuffle()
        return int(self.random() * n)

    def randrange(self, start, stop=None):
        if stop is None:
            return int(self.random() * start)
        return start + int(self.random() * (stop - start))

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))


def picker(rng, items, weights):
    """A function drawing one of `items` with the given weights (a faster rng.choices)."""
    items = list(items)
    cumulative = list(itertools.accumulate(weights))
    total = cumulative[-1]
    random_ = rng.random

    def pick():
        return items[bisect.bisect_right(cumulative, random_() * total)]

    return pick


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
        if given == 0:  # fewer left than items: draw the rest, weighted, within the caps
            for i in rng.choices(open_items, weights=[weights[j] for j in open_items], k=remaining):
                if parts[i] < caps[i]:
                    parts[i] += 1
                    remaining -= 1
    return parts


class Spreader:
    """Takes `chosen` of `total` items met in order, evenly spread."""

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


class _WageTerms:
    """Just what Vacancy.compute_monthly_wage reads, so the one wage rule is reused unchanged."""

    MONTHLY_HOURS = Vacancy.MONTHLY_HOURS
    MONTHLY_DAYS = Vacancy.MONTHLY_DAYS

    def __init__(self, wage_amount, wage_unit, weekly_hours):
        self.wage_amount, self.wage_unit, self.weekly_hours = wage_amount, wage_unit, weekly_hours


def monthly_wage(amount, unit, weekly_hours=40):
    return Vacancy.compute_monthly_wage(_WageTerms(amount, unit, weekly_hours))


# --------------------------------------------------------------------------------------------
# Writing rows. Rows are plain lists of column values; ids are reserved up front, so a child row
# can point at its parent before either is written. Writing is bulk_create in batches, or on
# PostgreSQL COPY of the same rows (at 100,000 residents the ORM's per-value work in bulk_create
# takes minutes; COPY takes seconds). Neither calls save() or sends signals.

_REQUIRED = object()
_NOW = object()
ID_BLOCK = 10000


def _default(field):
    if field.primary_key:
        return _REQUIRED
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return _NOW
    if field.has_default():
        # a time default (timezone.now) would make the data depend on the day: demand a value
        if callable(field.default) and field.get_internal_type() == "DateTimeField":
            return _REQUIRED
        return field.get_default()
    if field.null:
        return None
    if field.blank and field.empty_strings_allowed:
        return ""
    return _REQUIRED


class Table:
    def __init__(self, model, now):
        self.model, self.now = model, now
        self.name = model.__name__
        meta = model._meta
        fields = list(meta.concrete_fields)
        self.attnames = [f.attname for f in fields]
        self.default_map = {f.attname: _default(f) for f in fields}
        self.row_of = operator.itemgetter(*self.attnames)  # a dict's values in column order, as a tuple
        self.json_columns = [i for i, f in enumerate(fields) if f.get_internal_type() == "JSONField"]
        self.now_columns = [i for i, f in enumerate(fields) if self.default_map[f.attname] is _NOW]
        columns = ", ".join(f'"{f.column}"' for f in fields)
        nullable = ", ".join(f'"{f.column}"' for f in fields if f.null)
        force_null = f", FORCE_NULL ({nullable})" if nullable else ""
        self.copy_sql = f'COPY "{meta.db_table}" ({columns}) FROM STDIN WITH (FORMAT csv{force_null})'
        self.rows = []
        self.count = 0
        self._ids = iter(())
        self._next_local = None

    def _reserve(self):
        if connection.vendor == "postgresql":
            # one statement moves the sequence past a whole block of ids
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT setval(seq, nextval(seq) + %s - 1) FROM pg_get_serial_sequence(%s, 'id') AS seq",
                    [ID_BLOCK, f'"{self.model._meta.db_table}"'],
                )
                last = cursor.fetchone()[0]
            return iter(range(last - ID_BLOCK + 1, last + 1))
        if self._next_local is None:  # other databases: after the highest id (we hold the write lock)
            self._next_local = (self.model.objects.aggregate(top=Max("id"))["top"] or 0) + 1
        first, self._next_local = self._next_local, self._next_local + ID_BLOCK
        return iter(range(first, first + ID_BLOCK))

    def add(self, **values):
        """Queue a row; returns its id."""
        pk = next(self._ids, None)
        if pk is None:
            self._ids = self._reserve()
            pk = next(self._ids)
        values["id"] = pk
        row = self.row_of({**self.default_map, **values})
        if not self.rows and any(value is _REQUIRED for value in row):
            missing = [name for name, value in zip(self.attnames, row, strict=True) if value is _REQUIRED]
            raise TypeError(f"{self.name}: no value for {missing}")
        self.rows.append(row)
        return pk

    def flush(self):
        if not self.rows:
            return
        rows, now, postgresql = self.rows, self.now, connection.vendor == "postgresql"
        if self.now_columns or (postgresql and self.json_columns):
            for position, row in enumerate(rows):
                row = list(row)
                for i in self.now_columns:
                    row[i] = now
                for i in self.json_columns if postgresql else ():
                    row[i] = json.dumps(row[i], ensure_ascii=False)
                rows[position] = row
        if postgresql:
            # CSV: strings quoted, numbers and booleans bare, None as "" that FORCE_NULL makes NULL
            buffer = io.StringIO()
            csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n").writerows(rows)
            buffer.seek(0)
            with connection.cursor() as cursor:
                cursor.copy_expert(self.copy_sql, buffer)
        else:
            names = self.attnames
            objects = [self.model(**dict(zip(names, row, strict=True))) for row in rows]
            self.model.objects.bulk_create(objects, batch_size=BATCH)
        self.count += len(rows)
        rows.clear()


class Tables:
    """Every table the generator writes, flushed parents first whenever one fills up."""

    MODELS = (
        Resident, ResidentPriorityGroup, Resident.skills.through, Resident.desired_occupations.through,
        ConsentRecord, Employer, Agreement, Vacancy, Vacancy.required_skills.through, JobApplication,
        JobApplicationEvent, ProgramApplication, ProgramApplicationEvent, Placement,
        Placement.priority_groups.through, RetentionCheck,
    )  # fmt: skip

    def __init__(self, now):
        self.by_model = {model: Table(model, now) for model in self.MODELS}
        self.tables = list(self.by_model.values())

    def __getitem__(self, model):
        return self.by_model[model]

    def flush_if_full(self):
        """Write everything once a table holds a chunk, so memory stays flat however large the run."""
        for table in self.tables:
            if len(table.rows) >= CHUNK:
                self.flush()
                return

    def flush(self):
        for table in self.by_model.values():
            table.flush()

    def counts(self):
        return {table.name: table.count for table in self.by_model.values()}


# --------------------------------------------------------------------------------------------
# The generator's state: the random sources, reference rows and compact per-resident facts.


class Context:
    def __init__(self, seed, today):
        self.rng = FastRandom(seed)
        # what depends on today (this year's vacancies' and programs' applicants) draws from its own
        # stream, so the 2010–2014 data is the same whatever the day
        self.rng_today = FastRandom(f"{seed}:today")
        self.fake = Faker("ko_KR")
        self.fake.seed_instance(seed)
        self.today = today
        self.tables = Tables(now=timezone.now())
        self.created_programs = 0
        self.dongs = list(AdministrativeDong.objects.filter(is_active=True).order_by("sort_order", "id"))
        self.groups = list(PriorityGroup.objects.order_by("sort_order", "id"))
        self.group_bit = {g.code: 1 << i for i, g in enumerate(self.groups)}
        self.group_bit_by_id = {g.pk: 1 << i for i, g in enumerate(self.groups)}
        # The demo's tables are keyed by the portal's former occupation codes ("01"…"16").
        former = {new: old for old, _name, new in keco2018.FORMER_OCCUPATIONS}
        rows = Occupation.objects.filter(code__in=former)
        self.occupations = dict(sorted((former[o.code], o) for o in rows))
        self.skills = {s.name: s.pk for s in Skill.objects.order_by("name")}
        # per resident, in registration order
        self.r_id = array("q")
        self.r_reg = array("i")  # registration day (ordinal)
        self.r_birth = array("i")
        self.r_dong = array("q")  # 0: lives outside Guro
        self.r_female = bytearray()
        self.r_groups = array("I")  # bitmask over self.groups
        self.r_verified = array("I")  # the claims among r_groups staff verified with a document
        self.r_edu = bytearray()  # EducationLevel.rank
        self.r_provision = bytearray()  # consented to provide their data to employers

    def group_ids(self, mask):
        return [g.pk for i, g in enumerate(self.groups) if mask >> i & 1]

    def registered_by(self, ordinal):
        """How many residents had registered by a day (they are a prefix of the arrays)."""
        return bisect.bisect_right(self.r_reg, ordinal)

    def pick_resident(self, ordinal, used, fits=None, attempts=20, rng=None):
        """A resident registered by the day, not in `used`, preferably one that `fits`."""
        rng = rng or self.rng
        total = len(self.r_id)
        if len(used) >= total:
            raise ValidationError(_("데모 데이터를 만들 구직자가 모자랍니다."))
        # when many are taken, widen the pool beyond those registered by the day
        pool = max(self.registered_by(ordinal), min(total, 2 * len(used) + 10))
        fallback = None
        for _attempt in range(attempts):
            index = rng.randrange(pool)
            if index in used:
                continue
            if fits is None or fits(index):
                used.add(index)
                return index
            if fallback is None:
                fallback = index
        while fallback is None:  # crowded: draw from everyone until a free one comes up
            index = rng.randrange(total)
            if index not in used:
                fallback = index
        used.add(fallback)
        return fallback

    def facts(self, index, ordinal):
        """Facts a placement keeps about the resident at hire."""
        dong_id = self.r_dong[index] or None
        birth = datetime.date.fromordinal(self.r_birth[index])
        return {
            "resident_id": self.r_id[index],
            "guro_resident_at_hire": dong_id is not None,
            "dong_at_hire_id": dong_id,
            "gender": "female" if self.r_female[index] else "male",
            "age_at_hire": age_on(birth, datetime.date.fromordinal(ordinal)),
        }


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
ANCHOR_AREAS = ("구로", "신도림", "고척", "개봉", "오류", "서남권")
ANCHOR_NAMES = {"호텔·백화점": ("호텔", "백화점"), "대형 유통": ("아울렛", "할인마트"), "종합병원": ("병원",),
                "복합 쇼핑몰": ("스퀘어", "쇼핑타운")}  # fmt: skip


def _guro_address(rng, dong_name):
    road = rng.choice(DONG_ROADS.get(dong_name, ("구로중앙로",)))
    return f"서울특별시 구로구 {road} {rng.randint(1, 300)}"


def create_employers(ctx, total):
    """Employers with valid, unique business numbers, a few anchor partners and their agreements."""
    rng, fake, table = ctx.rng, ctx.fake, ctx.tables[Employer]
    taken = set(Employer.objects.exclude(business_number="").values_list("business_number", flat=True))
    valley_dongs = [d for d in ctx.dongs if d.name in ("구로3동", "가리봉동")] or ctx.dongs
    anchors = max(1, round(total * 0.03)) if total else 0
    offset = rng.randrange(10000)
    pick_kind = picker(rng, *zip(*EMPLOYER_KIND_WEIGHTS, strict=True))
    first_day, last_day = datetime.date(2009, 1, 2).toordinal(), datetime.date(2014, 6, 30).toordinal()
    rows, number_index = [], 0
    for index in range(total):
        kind = Employer.Kind.ANCHOR_PARTNER if index < anchors else pick_kind()
        industry = rng.choice(INDUSTRIES[kind])
        name = fake.company()
        if kind == Employer.Kind.DIGITAL_VALLEY:
            dong = rng.choice(valley_dongs)
            address = _guro_address(rng, dong.name)
            headcount = int(min(500, 5 + rng.lognormvariate(3, 1)))
        elif kind == Employer.Kind.ANCHOR_PARTNER:
            dong = rng.choice(ctx.dongs)
            address = _guro_address(rng, dong.name)
            headcount = rng.randint(200, 2000)
            name = f"(주) {rng.choice(ANCHOR_AREAS)}{rng.choice(ANCHOR_NAMES.get(industry, ('센터',)))}"
        elif rng.random() < 0.12:  # outside Guro, hiring Guro residents all the same
            dong, address = None, f"{rng.choice(OUTSIDE_ADDRESSES)} {rng.randint(1, 200)}"
            headcount = int(min(300, 3 + rng.lognormvariate(2.5, 1)))
        else:
            dong = rng.choice(ctx.dongs)
            address = _guro_address(rng, dong.name)
            headcount = int(min(300, 3 + rng.lognormvariate(2.5, 1)))
        if kind == Employer.Kind.SOCIAL_ENTERPRISE:
            name = f"{name.split(' ', 1)[-1]} 사회적협동조합"
        number = business_number(number_index, offset)
        while number in taken:
            number_index += 1
            number = business_number(number_index, offset)
        taken.add(number)
        number_index += 1
        pk = table.add(
            name=name,
            business_number=number,
            kind=kind,
            industry=industry,
            representative=fake.name(),
            address=address,
            dong_id=dong.pk if dong else None,
            in_digital_valley=kind == Employer.Kind.DIGITAL_VALLEY,
            headcount=headcount,
            phone=f"02-{rng.randrange(2000, 3000):04d}-{rng.randrange(10000):04d}",
            created_at=at(rng.randint(first_day, last_day), rng.randrange(9 * 60, 18 * 60)),
        )
        rows.append(EmployerRow(pk, kind, name, address, dong.pk if dong else None, max(1.0, headcount**0.5)))
    agreements = _create_agreements(ctx, [row for row in rows if row.kind == Employer.Kind.ANCHOR_PARTNER])
    ctx.tables.flush()
    dcube = (
        Agreement.objects.select_related("employer")
        .filter(employer__name="대성 디큐브시티")
        .order_by("id")
        .first()
    )
    if dcube:
        ends = dcube.ends_on or PLAN_END
        weight = float(dcube.planned_hires * dcube.local_hire_share) / 100
        dcube_row = AgreementRow(
            dcube.pk, dcube.employer_id, dcube.starts_on.toordinal(), ends.toordinal(), weight
        )
        agreements.insert(0, dcube_row)
        employer = dcube.employer
        rows.append(
            EmployerRow(
                employer.pk, employer.kind, employer.name, employer.address, employer.dong_id, 30.0, dcube_row
            )
        )
    return rows, agreements


def _create_agreements(ctx, anchors):
    rng, table = ctx.rng, ctx.tables[Agreement]
    incentives = list(Agreement.Incentive.values)
    chosen = anchors[: max(2, min(20, len(anchors) // 2))]
    rows = []
    for row in chosen:
        signed = rng.randint(datetime.date(2010, 6, 1).toordinal(), datetime.date(2013, 6, 30).toordinal())
        starts = signed + rng.randint(0, 30)
        ends = starts + rng.randint(3 * 365, 5 * 365) if rng.random() < 0.5 else None
        planned = rng.choice((30, 50, 100, 150, 200, 300))
        share = rng.choice((30, 40, 50, 60))
        picked = sorted(rng.sample(range(len(incentives)), rng.randint(1, 3)))
        pk = table.add(
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
        row.agreement = AgreementRow(pk, row.pk, starts, ends or PLAN_END.toordinal(), planned * share / 100)
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
# This year's programs take applications around the day the demo is built, so `make demo` shows the
# whole apply journey on any day: most are open, some closed already, one not yet open (by code).
CURRENT_WINDOW_STATES = {
    "youth-internship": "closed",
    "service-training": "closed",
    "self-sufficiency-senior": "upcoming",
}
CURRENT_WINDOWS = {"open": (-14, 14), "closed": (-45, -15), "upcoming": (7, 30)}  # days from today


def current_application_window(code, today):
    """(opens, closes) of a program of today's year: open around today, closed, or upcoming."""
    first, last = CURRENT_WINDOWS[CURRENT_WINDOW_STATES.get(code.split("-", 1)[1], "open")]
    return today + datetime.timedelta(days=first), today + datetime.timedelta(days=last)


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
        Program.objects.filter(year=2010)
        .order_by("code")
        .select_related("place_pool")
        .prefetch_related("required_priority_groups")
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
            opens_on, closes_on = datetime.date(year, *opens), datetime.date(year, *closes)
            if year == ctx.today.year:
                opens_on, closes_on = current_application_window(code, ctx.today)
            pool = None
            if program.place_pool_id:  # programs sharing places keep sharing them, scaled like the others
                pool, _created = PlacePool.objects.get_or_create(
                    name=program.place_pool.name,
                    year=year,
                    defaults={"capacity": round(program.place_pool.capacity * scale / 10) * 10},
                )
                capacity = None
            copy = Program.objects.create(
                place_pool=pool,
                # the plan gives no capacity for these four programs: the demo's figure is an example
                capacity_source=Program.CapacitySource.DEMO_EXAMPLE if program.kind in FIXED_CAPACITY else "",
                code=code,
                name=program.name,
                name_en=program.name_en,
                kind=program.kind,
                sector=program.sector,
                year=year,
                description=program.description,
                capacity=capacity,
                starts_on=datetime.date(year, *starts),
                ends_on=datetime.date(year, *ends),
                applications_open_on=opens_on,
                applications_close_on=closes_on,
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
    ctx.created_programs = created
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
        current = year == ctx.today.year
        if current:  # this year's round is the real window around today (a rolling intake)
            opens_on, closes_on = (
                day(program.applications_open_on, opens),
                day(program.applications_close_on, closes),
            )
        if program.wage_amount:
            monthly = monthly_wage(program.wage_amount, program.wage_unit)
        else:
            daily, unit = _program_wage(year, program.kind)
            monthly = monthly_wage(daily or 0, unit)
        placing = program.kind != Program.Kind.JOB_TRAINING and year in PLAN_YEARS
        rows.append(
            ProgramRow(
                pk=program.pk,
                year=year,
                kind=program.kind,
                weight=float(program.capacity or 150) if placing else 0.0,
                # A round that has not opened yet has no applications.
                capacity=0.0
                if current and opens_on > ctx.today.toordinal()
                else float(program.capacity or 150),
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
                current=current,
            )
        )
    return rows


def program_fit(ctx, program, ordinal):
    """Whether a resident meets a program's rules on a day (age, residency, groups, education)."""
    day = datetime.date.fromordinal(ordinal)

    def fits(index):
        if program.residency and not ctx.r_dong[index]:
            return False
        if program.required and not ctx.r_verified[index] & program.required:
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


def _vacancy_wage(rng, year, code, employment_type):
    """(amount, unit, weekly hours), never below that year's minimum wage."""
    hourly = minimum_wage(year)
    if employment_type == "part_time":
        return round_up(hourly * rng.uniform(1.0, 1.25), 10), WageUnit.HOURLY, rng.choice((15, 20, 25, 30))
    if employment_type == "daily":
        return round_up(hourly * 8 * rng.uniform(1.05, 1.5), 1000), WageUnit.DAILY, rng.choice((40, 44, 48))
    base = hourly * 209
    if employment_type == "internship":
        return round_up(base * rng.uniform(1.0, 1.15), 10000), WageUnit.MONTHLY, 40
    factor = rng.uniform(1.3, 2.6) if code in IT_OCCUPATIONS else rng.uniform(1.0, 1.5)
    monthly = round_up(base * factor, 10000)
    if employment_type == "full_time" and code in IT_OCCUPATIONS and rng.random() < 0.4:
        return round_up(monthly * 12, 1000000), WageUnit.YEARLY, 40
    return monthly, WageUnit.MONTHLY, 40


def create_vacancies(ctx, total, employers, private_targets):
    """Vacancies posted 2010–2014 (closed or filled) and a share this year (mostly open)."""
    rng, tables = ctx.rng, ctx.tables
    if not total:
        return []
    if not employers:
        raise ValidationError(_("채용 공고를 만들려면 기업이 한 곳 이상 있어야 합니다."))
    table, skill_table = tables[Vacancy], tables[Vacancy.required_skills.through]
    current = 0 if total < 2 else max(1, round(total * 0.1))
    per_year = allocate(total - current, [private_targets[y] for y in PLAN_YEARS], rng)
    years = [y for y, n in zip(PLAN_YEARS, per_year, strict=True) for _i in range(n)]
    pick_employer = picker(rng, employers, [row.weight for row in employers])
    pick_openings = picker(rng, OPENINGS, OPENING_WEIGHTS)
    types = list(EmploymentType.values)
    pick_service_type = picker(rng, types, (30, 25, 30, 10, 5))
    pick_office_type = picker(rng, types, (50, 25, 8, 2, 15))
    pick_current_status = picker(rng, ("open", "pending_review", "draft", "closed"), (80, 8, 5, 7))
    today = ctx.today.toordinal()
    first_of_year = datetime.date(ctx.today.year, 1, 1).toordinal()
    first_occupation = next(iter(ctx.occupations.values()))
    rows = []
    for index in range(total):
        is_current = index >= total - current
        year = ctx.today.year if is_current else years[index]
        employer = pick_employer()
        code = rng.choice(KIND_OCCUPATIONS.get(employer.kind, KIND_OCCUPATIONS[Employer.Kind.OTHER]))
        occupation = ctx.occupations.get(code, first_occupation)
        employment_type = pick_service_type() if code in SERVICE_OCCUPATIONS else pick_office_type()
        amount, unit, hours = _vacancy_wage(rng, year, code, employment_type)
        role = rng.choice(OCCUPATION_TITLES.get(code, ("직원",)))
        title = f"{role} {rng.choice(TITLE_SUFFIXES[employment_type])}"
        if rng.random() < 0.2:
            title = f"[구로구 주민 우대] {title}"
        openings = pick_openings()
        if is_current:
            status = pick_current_status()
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
        linked = agreement is not None and posted and posted >= agreement.starts_on and rng.random() < 0.6
        # bulk inserts skip save(), which keeps the monthly wage in step: compute it the same way here
        wage = monthly_wage(amount, unit, hours)
        pk = table.add(
            employer_id=employer.pk,
            agreement_id=agreement.pk if linked else None,
            title=title,
            description=(
                f"{employer.name}에서 {role}을(를) {openings}명 모집합니다.\n"
                f"주요 업무: {OCCUPATION_DUTIES.get(code, '')}\n"
                f"근무 형태: {EMPLOYMENT_TYPE_LABELS[employment_type]}, 주 {hours}시간\n"
                f"근무지: {employer.address}"
            ),
            occupation_id=occupation.pk,
            employment_type=employment_type,
            wage_amount=amount,
            wage_unit=unit,
            monthly_wage=wage,
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
        pool = [name for name in OCCUPATION_SKILLS.get(code, ()) if name in ctx.skills]
        for name in rng.sample(pool, min(len(pool), rng.choice((0, 0, 1, 1, 2)))):
            skill_table.add(vacancy_id=pk, skill_id=ctx.skills[name])
        rows.append(VacancyRow(pk, employer.pk, agreement.pk if linked else None, year, posted, closes, status,
                               wage, is_current))  # fmt: skip
        tables.flush_if_full()
    return rows


# --------------------------------------------------------------------------------------------
# Placements, applications and follow-ups


def _event_time(rng, ordinal, step):
    """Times of a timeline's steps on one day increase with the step."""
    return at(ordinal, 9 * 60 + step * 90 + rng.randrange(80))


def _days(rng, first, last, steps):
    """`steps` non-decreasing days from `first` to at most `last`."""
    days = [first]
    for _step in range(steps - 1):
        days.append(rng.randint(days[-1], max(days[-1], last)))
    return days


def add_placement(ctx, *, index, started, ended=None, **fields):
    """A placement with the resident's facts at hire, its priority groups and its follow-ups at 1, 3,
    6 and 12 months. Without a known end, whether the person stayed is drawn at each follow-up
    (and the end day follows from it); with one, employed means the follow-up came before it."""
    rng, tables = ctx.rng, ctx.tables
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
        unchecked = rng.random() < 0.02  # a few follow-ups never made: overdue on the staff's list
        note = (
            "" if unchecked or rng.random() < 0.7 else rng.choice(("전화 확인", "문자 회신", "사업장 확인"))
        )
        checks.append((months, due, None if unchecked else due + rng.randint(0, 10), result, note))
        previous = due
    end = ended if ended is not None else left_on
    pk = tables[Placement].add(
        started_on=start_day,
        ended_on=datetime.date.fromordinal(end) if end else None,
        recorded_at=at(started + rng.randint(0, 5), rng.randrange(9 * 60, 18 * 60)),
        **ctx.facts(index, started),
        **fields,
    )
    group_table = tables[Placement.priority_groups.through]
    mask = ctx.r_verified[index]  # only verified claims count on a placement
    for group_id in ctx.group_ids(mask) if mask else ():
        group_table.add(placement_id=pk, prioritygroup_id=group_id)
    checks_table = tables[RetentionCheck]
    for months, due, checked, result, note in checks:
        checks_table.add(
            placement_id=pk,
            months_after_start=months,
            due_on=datetime.date.fromordinal(due),
            checked_on=datetime.date.fromordinal(checked) if checked else None,
            still_employed=result if checked else None,
            note=note,
        )
    tables.flush_if_full()
    return pk


def add_job_application(ctx, *, index, vacancy, flow, days, rng=None):
    """A job application and one event per step of its flow (on non-decreasing days)."""
    rng, tables = rng or ctx.rng, ctx.tables
    times = [_event_time(rng, day, step) for step, day in enumerate(days)]
    pk = tables[JobApplication].add(
        resident_id=ctx.r_id[index],
        vacancy_id=vacancy.pk,
        status=flow[-1],
        created_at=times[0],
        status_changed_at=times[-1],
    )
    events = tables[JobApplicationEvent]
    for status, occurred in zip(flow, times, strict=True):
        note = {"referred": "구로구 일자리센터 알선", "interview": "면접 일정 안내"}.get(status, "")
        events.add(application_id=pk, status=status, note=note, occurred_at=occurred)
    tables.flush_if_full()
    return pk


def create_vacancy_placements(ctx, vacancies, hires, unplaced, linker):
    """Hires through vacancies (with their applications), and the applications that did not end in one."""
    rng = ctx.rng
    today = ctx.today.toordinal()
    consented = ctx.r_provision.__getitem__  # applying means giving employers one's data
    pick_flow, pick_flow_today = (
        {
            kind: picker(r, [f for f, _w in flows], [w for _f, w in flows])
            for kind, flows in JOB_APPLICATION_FLOWS.items()
        }
        for r in (rng, ctx.rng_today)
    )
    for vacancy, hire_count, other_count in zip(vacancies, hires, unplaced, strict=True):
        used = set()
        year_end = datetime.date(vacancy.year, 12, 31).toordinal()
        for _hire in range(hire_count):
            started = min(vacancy.posted + rng.randint(14, 60), year_end)
            applied = rng.randint(vacancy.posted, max(vacancy.posted, started - 7))
            index = ctx.pick_resident(applied, used, consented)
            application_id = None
            if linker.take():
                first = "referred" if rng.random() < 0.2 else "applied"
                flow = (first, "interview", "hired") if rng.random() < 0.7 else (first, "hired")
                days = _days(rng, applied, started, len(flow))
                application_id = add_job_application(ctx, index=index, vacancy=vacancy, flow=flow, days=days)
            add_placement(
                ctx, index=index, started=started, source=Placement.Source.VACANCY, sector="private",
                job_application_id=application_id, employer_id=vacancy.employer_id,
                agreement_id=vacancy.agreement_id, monthly_wage=vacancy.monthly_wage,
            )  # fmt: skip
        if other_count:
            if vacancy.current:
                r, last = ctx.rng_today, today
                flows = pick_flow_today["open" if vacancy.status == "open" else "past"]
            else:
                r, last, flows = rng, vacancy.closes or vacancy.posted + 30, pick_flow["past"]
            for _other in range(other_count):
                applied = r.randint(vacancy.posted, max(vacancy.posted, min(last, today)))
                index = ctx.pick_resident(applied, used, consented, rng=r)
                flow = flows()
                days = _days(r, applied, min(applied + 30, today), len(flow))
                add_job_application(ctx, index=index, vacancy=vacancy, flow=flow, days=days, rng=r)
        ctx.tables.flush_if_full()


def create_agreement_placements(ctx, per_year):
    """Hires under agreements (D-Cube City first), within each agreement's term, mostly locals."""
    rng = ctx.rng
    lives_in_guro = ctx.r_dong.__getitem__
    for year, plans in per_year.items():
        for agreement, count, first, last in plans:
            used = set()
            wage_base = minimum_wage(year) * 209
            for _i in range(count):
                started = rng.randint(first, last)
                index = ctx.pick_resident(started, used, lives_in_guro, attempts=5)
                add_placement(
                    ctx, index=index, started=started, source=Placement.Source.AGREEMENT, sector="private",
                    employer_id=agreement.employer_id, agreement_id=agreement.pk,
                    monthly_wage=round_up(wage_base * rng.uniform(1.0, 1.3), 10000),
                )  # fmt: skip
            ctx.tables.flush_if_full()


DECISION_REASONS = {
    "waitlisted": "정원 초과로 대기",
    "withdrawn": "본인 요청으로 신청 취소",
    "dropped": "개인 사정으로 중도 포기",
    "selected": "선발 기준 점수 충족",
    "completed": "사업 기간 종료",
}


def add_program_application(ctx, *, index, program, flow, times, waitlist=None, rng=None):
    """A program application and one event per step; `times` are the steps' times."""
    rng, tables = rng or ctx.rng, ctx.tables
    final = flow[-1]
    mask = ctx.r_verified[index]
    score = sum(points for group_id, points in program.points.items() if mask & ctx.group_bit_by_id[group_id])
    reason = rng.choice(INELIGIBLE_REASONS) if final == "ineligible" else DECISION_REASONS.get(final, "")
    decided = len(flow) > 1 and final != "withdrawn"
    pk = tables[ProgramApplication].add(
        resident_id=ctx.r_id[index],
        program_id=program.pk,
        status=final,
        priority_score=score if "eligible" in flow else None,
        waitlist_position=waitlist,
        decision_reason=reason,
        applied_at=times[0],
        decided_at=times[min(2, len(times) - 1)] if decided else None,
    )
    events = tables[ProgramApplicationEvent]
    for status, occurred in zip(flow, times, strict=True):
        events.add(
            application_id=pk, status=status, reason=reason if status == final else "", occurred_at=occurred
        )
    tables.flush_if_full()
    return pk


def create_program_placements(ctx, programs, placements, unplaced, linker):
    """Places in programs (with their applications), and the applications that did not end in one."""
    rng = ctx.rng
    today = ctx.today.toordinal()
    pick_flow, pick_flow_today = (
        {
            kind: picker(r, [f for f, _w in flows], [w for _f, w in flows])
            for kind, flows in PROGRAM_APPLICATION_FLOWS.items()
        }
        for r in (rng, ctx.rng_today)
    )
    for program, placement_count, other_count in zip(programs, placements, unplaced, strict=True):
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
            application_id = None
            if linker.take():
                flow = ("applied", "eligible", "selected", "active", "dropped" if dropped else "completed")
                times = [_event_time(rng, applied, 0), _event_time(rng, decided, 1), _event_time(rng, decided, 2),
                         at(started, 9 * 60), at(ended, 18 * 60)]  # fmt: skip
                application_id = add_program_application(
                    ctx, index=index, program=program, flow=flow, times=times
                )
            add_placement(
                ctx, index=index, started=started, ended=ended, source=Placement.Source.PROGRAM, sector="public",
                program_id=program.pk, program_application_id=application_id, monthly_wage=program.monthly_wage,
            )  # fmt: skip
        waitlist = 0
        if program.current:
            r, flows, last = ctx.rng_today, pick_flow_today["current"], min(program.closes, today)
        else:
            r, flows, last = rng, pick_flow["past"], program.closes
        for _i in range(other_count):
            flow = flows()
            applied = r.randint(min(program.opens, last), last)
            decided = max(applied, min(program.closes + r.randint(1, 5), today))
            chooser = misfits if flow[-1] == "ineligible" else fits
            index = ctx.pick_resident(applied, used, chooser, attempts=10, rng=r)
            position = None
            if flow[-1] == "waitlisted":
                waitlist += 1
                position = waitlist
            times = [_event_time(r, applied, 0)]
            for step, status in enumerate(flow[1:], start=1):
                if status == "dropped":
                    times.append(at(max(decided, program.starts), 17 * 60 + 30))
                else:
                    times.append(_event_time(r, decided, step))
            add_program_application(
                ctx, index=index, program=program, flow=flow, times=times, waitlist=position, rng=r
            )
        ctx.tables.flush_if_full()


# --------------------------------------------------------------------------------------------
# The plan: how many placements of which kind in which year


def _targets():
    found = YearPlan.objects.filter(year__in=PLAN_YEARS)
    rows = {(t.year, sector): t.target(sector) for t in found for sector in ("public", "private")}
    return (
        {y: rows.get((y, "public"), PLAN_TARGETS[y][0]) for y in PLAN_YEARS},
        {y: rows.get((y, "private"), PLAN_TARGETS[y][1]) for y in PLAN_YEARS},
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
            parts = allocate(by_vacancy, weights, rng, [residents] * len(weights))
            for i, hires in zip(year_vacancies, parts, strict=True):
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


def seed_demo(*, counts, seed, today):
    """Fill the database with demo data in one transaction; the same counts and seed give the same data."""
    began = time.perf_counter()
    with transaction.atomic():
        set_based = _skip_row_by_row_foreign_key_checks()
        made = _generate(counts=counts, seed=seed, today=today)
        if set_based:
            check_foreign_keys(Tables.MODELS)
    return DemoSummary(counts=made, seconds=time.perf_counter() - began)


def _skip_row_by_row_foreign_key_checks():
    """PostgreSQL checks each inserted row's foreign keys with one query per row at commit: most of
    the time of a large run. A superuser may switch those triggers off for this transaction (as
    pg_restore does); the keys are then checked once per column, set-based. Returns whether it did."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('is_superuser') = 'on'")
        if not cursor.fetchone()[0]:
            return False
        cursor.execute("SET LOCAL session_replication_role = replica")
    return True


def check_foreign_keys(models):
    """Raise IntegrityError if any row of these tables points at a row that does not exist."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = origin")
        for model in models:  # fresh statistics let the planner use the key indexes (and skip empty keys)
            cursor.execute(f'ANALYZE "{model._meta.db_table}"')
        for model in models:
            for field in model._meta.concrete_fields:
                if not field.is_relation:
                    continue
                target = field.target_field
                table, column = model._meta.db_table, field.column
                parent, key = target.model._meta.db_table, target.column
                cursor.execute(
                    f'SELECT c."{column}" FROM "{table}" c WHERE c."{column}" IS NOT NULL AND NOT EXISTS '
                    f'(SELECT 1 FROM "{parent}" p WHERE p."{key}" = c."{column}") LIMIT 1'
                )
                missing = cursor.fetchone()
                if missing:
                    raise IntegrityError(f"{table}.{column} = {missing[0]}: no such row in {parent}")


def _generate(*, counts, seed, today):
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

    hires = sum(vacancy_hires)
    linked_jobs = min(counts.applications, hires)
    weights = [
        0.0 if v.status in ("draft", "pending_review") else 4.0 if v.current and v.status == "open" else 1.0
        for v in vacancies
    ]
    caps = [residents - n for n in vacancy_hires]
    unplaced_jobs = allocate(counts.applications - linked_jobs, weights, ctx.rng, caps)
    create_vacancy_placements(ctx, vacancies, vacancy_hires, unplaced_jobs, Spreader(linked_jobs, hires))

    create_agreement_placements(ctx, agreement_plans)

    in_programs = sum(program_counts)
    linked_programs = min(counts.program_applications, in_programs)
    caps = [residents - n for n in program_counts]
    unplaced = allocate(
        counts.program_applications - linked_programs, [p.capacity for p in programs], ctx.rng, caps
    )
    create_program_placements(ctx, programs, program_counts, unplaced, Spreader(linked_programs, in_programs))
    ctx.tables.flush()
    made = ctx.tables.counts()
    made["Program"] = ctx.created_programs
    return made
