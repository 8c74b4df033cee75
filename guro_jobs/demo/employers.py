"""Demo employers, their agreements (업무제휴) and their vacancies."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from employers.models import Agreement, Employer, Vacancy
from guro_jobs.demo.context import OCCUPATION_SKILLS
from guro_jobs.demo.tools import (
    PLAN_END,
    PLAN_YEARS,
    allocate,
    at,
    minimum_wage,
    monthly_wage,
    picker,
    round_up,
)
from guro_jobs.validators import business_number_check_digit
from references.choices import EducationLevel, EmploymentType, WageUnit

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


def business_number(index, offset):
    """A valid, unique business registration number (123-45-67890) for the index-th employer."""
    block, position = divmod(index, 10000)
    office = TAX_OFFICES[block] if block < len(TAX_OFFICES) else f"{150 + block:03d}"
    serial = (offset + position * 7919) % 10000  # a bijection of 0..9999: unique within a block
    middle = "81" if position % 3 else f"{(position * 37) % 79 + 1:02d}"
    first_nine = f"{office}{middle}{serial:04d}"
    digits = first_nine + str(business_number_check_digit(first_nine))
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


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
