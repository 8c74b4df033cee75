"""Wages: not below the legal minimum wage of the posting's year, not above a plausible ceiling,
with a Korean message on the wage field, on every path (employer form, admin, API, import);
no wage typed anywhere can overflow the database."""

import datetime

import pytest
from django.urls import reverse

from employers.models import Vacancy
from placements.models import Placement
from references import wages
from spreadsheets.services import import_spreadsheet
from tests import factories
from tests.staffops.spreadsheet_helpers import xlsx

pytestmark = pytest.mark.django_db

TOO_MUCH = "임금이 너무 많습니다."
TOO_LITTLE = "최저임금"


def test_minimum_wage_rates_are_kept_per_year_and_later_years_use_the_latest():
    assert wages.minimum_hourly_wage(2010) == 4_110
    assert wages.minimum_hourly_wage(2018) == 7_530
    assert wages.minimum_hourly_wage(2026) == 10_320
    assert wages.minimum_hourly_wage(2031) == wages.MINIMUM_HOURLY_WAGE[max(wages.MINIMUM_HOURLY_WAGE)]


def test_minimum_wage_converts_with_the_notices_8_hour_day_and_209_hour_month():
    assert wages.minimum_wage(year=2026, unit="hourly") == 10_320
    assert wages.minimum_wage(year=2026, unit="daily") == 82_560
    assert wages.minimum_wage(year=2026, unit="monthly") == 2_156_880
    assert wages.minimum_wage(year=2026, unit="yearly") == 25_882_560
    assert wages.minimum_wage(year=2026, unit="monthly", weekly_hours=20) == 1_078_440
    assert wages.minimum_wage(year=2012, unit="monthly") == 957_220


def vacancy_data(**overrides):
    data = {
        "title": "매장 판매직",
        "description": "백화점 매장 판매와 고객 응대",
        "occupation": factories.occupation().pk,
        "employment_type": "full_time",
        "wage_amount": "2300000",
        "wage_unit": "monthly",
        "weekly_hours": "40",
        "work_place": "서울특별시 구로구 경인로 662",
        "dong": factories.dong("신도림동").pk,
        "openings": "3",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("amount", "unit", "message"),
    [
        ("99999999", "hourly", TOO_MUCH),
        ("2600000", "hourly", TOO_MUCH),
        ("99999999999", "monthly", "2147483647"),
        ("1000000", "monthly", TOO_LITTLE),
        ("9000", "hourly", TOO_LITTLE),
        ("50000", "daily", TOO_LITTLE),
    ],
)
def test_employer_vacancy_form_refuses_wages_out_of_range_on_the_wage_field(client, amount, unit, message):
    user = factories.employer_user()
    client.force_login(user)
    response = client.post(
        reverse("employer:vacancy_create"), vacancy_data(wage_amount=amount, wage_unit=unit)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors["wage_amount"])
    assert not Vacancy.objects.exists()


def test_employer_vacancy_form_accepts_the_minimum_wage_exactly(client):
    client.force_login(factories.employer_user())
    response = client.post(
        reverse("employer:vacancy_create"),
        vacancy_data(wage_amount="10320", wage_unit="hourly", employment_type="part_time", weekly_hours="20"),
    )
    assert response.status_code == 302
    assert Vacancy.objects.get().monthly_wage == 1_078_440


def test_admin_refuses_a_full_time_vacancy_at_2_600_000_won_an_hour(client, staff_user):
    employer = factories.EmployerFactory()
    client.force_login(staff_user)
    data = vacancy_data(wage_amount="2600000", wage_unit="hourly", employer=employer.pk, status="draft")
    data.update({"required_skills": [], "agreement": "", "required_education": ""})
    response = client.post(reverse("admin:employers_vacancy_add"), data)
    assert response.status_code == 200
    assert TOO_MUCH in " ".join(response.context["adminform"].form.errors["wage_amount"])
    assert not Vacancy.objects.exists()


VACANCY_HEADERS = [
    "공고 번호",
    "기업 사업자등록번호",
    "채용 제목",
    "업무 내용",
    "직종",
    "고용 형태",
    "임금(원)",
    "임금 단위",
    "주당 근로시간",
    "근무지 주소",
    "모집 인원",
    "게시일",
]


def vacancy_row(employer, amount, unit, posted_on):
    return ["", employer.business_number, "호텔 프런트", "객실 안내", "호텔 객실·프런트", "정규직", amount, unit, 40,
            "구로구 경인로 662", 1, posted_on]  # fmt: skip


def test_import_checks_each_wage_against_the_minimum_wage_of_its_posting_year():
    employer = factories.EmployerFactory()
    rows = [
        vacancy_row(employer, "1,000,000", "월급", "2012-03-02"),  # 2012 minimum: 957,220
        vacancy_row(employer, "1,000,000", "월급", "2026-03-02"),  # 2026 minimum: 2,156,880
        vacancy_row(employer, "2,600,000", "시급", "2026-03-02"),
    ]
    report = import_spreadsheet(
        kind="vacancies", content=xlsx(VACANCY_HEADERS, rows), filename="v.xlsx", dry_run=True
    )
    assert [row.status for row in report.rows] == ["new", "error", "error"], report.error_lines()
    lines = report.error_lines()
    assert any(line.startswith("행 3: 임금(원): 2026년 최저임금") for line in lines), lines
    assert any(line.startswith("행 4: 임금(원): " + TOO_MUCH) for line in lines), lines


def test_import_refuses_a_placement_wage_above_the_ceiling():
    resident = factories.ResidentFactory(name="박취업", phone="010-3333-4444")
    employer = factories.EmployerFactory()
    headers = [
        "실적 번호",
        "구직자 이름",
        "구직자 생년월일",
        "구직자 휴대전화",
        "경로",
        "기업 사업자등록번호",
        "근무 시작일",
        "월 임금(원)",
    ]
    row = ["", "박취업", resident.birth_date.isoformat(), "010-3333-4444", "채용 공고", employer.business_number,
           "2026-03-02", "543,400,000"]  # fmt: skip
    report = import_spreadsheet(
        kind="placements", content=xlsx(headers, [row]), filename="p.xlsx", dry_run=False
    )
    assert any(
        line.startswith("행 2: 월 임금(원): 월 임금이 너무 많습니다.") for line in report.error_lines()
    ), report.error_lines()
    assert not Placement.objects.exists()


def test_admin_refuses_a_placement_wage_above_the_ceiling(client, staff_user):
    placement = factories.PlacementFactory(started_on=datetime.date(2026, 3, 2))
    client.force_login(staff_user)
    url = reverse("admin:placements_placement_change", args=[placement.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["monthly_wage"] = "543400000"
    data["priority_groups"] = [pk for pk in data.get("priority_groups", [])]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "월 임금이 너무 많습니다." in " ".join(response.context["adminform"].form.errors["monthly_wage"])
    placement.refresh_from_db()
    assert placement.monthly_wage == 2_200_000
