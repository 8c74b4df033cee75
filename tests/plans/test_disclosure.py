"""The public disclosure pages /plans/ and /plans/<id>/, their PDF and results workbook."""

import datetime
import io

import openpyxl
import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_the_plan_list_answers_anonymous_visitors_in_korean(client):
    response = client.get("/plans/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="ko">' in page
    assert "일자리 목표 공시" in page and "구로구 일자리 창출 계획" in page


def test_the_plan_page_shows_goals_yearly_plans_and_finished_years_results_with_rates(client):
    plan = factories.first_plan()
    for _ in range(3):
        factories.PlacementFactory(sector="public", started_on=datetime.date(2011, 5, 1))
    page = client.get(f"/plans/{plan.pk}/").content.decode()
    assert "18,640명" in page and "18,650" in page  # the stated total and the yearly rows' sum
    assert "공공근로사업" in page and "미스매치 해소" in page and "일자리지원과" in page
    # 2011 public: 3 of 2,550 = 0.1%
    assert "<td>2,550</td><td>3</td><td>0.1%</td>" in page


def test_the_plan_page_has_a_print_stylesheet_for_a4(client, settings):
    plan = factories.first_plan()
    page = client.get(f"/plans/{plan.pk}/").content.decode()
    assert "reports/disclosure.css" in page
    with open(settings.BASE_DIR / "reports/static/reports/disclosure.css", encoding="utf-8") as css:
        stylesheet = css.read()
    assert "@media print" in stylesheet and "size: A4" in stylesheet


def test_no_personal_data_appears_on_the_public_page(client):
    plan = factories.first_plan()
    placement = factories.PlacementFactory(sector="public", started_on=datetime.date(2011, 5, 1))
    page = client.get(f"/plans/{plan.pk}/").content.decode()
    assert placement.resident.name not in page


def test_an_example_plan_is_labelled_as_an_example(client):
    plan = factories.plan_with_years(
        first_year=2026, last_year=2029, is_example=True, title="예시 일자리 계획"
    )
    assert "예시" in client.get("/plans/").content.decode()
    assert "포털 시연을 위한 예시" in client.get(f"/plans/{plan.pk}/").content.decode()


def test_the_pdf_download_is_an_a4_pdf(client):
    plan = factories.first_plan()
    response = client.get(f"/plans/{plan.pk}/plan.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    body = response.content
    assert body.startswith(b"%PDF") and b"/MediaBox [0 0 595.28 841.89]" in body
    assert b"NanumGothic" in body  # the Hangul font is embedded


def test_the_results_workbook_has_each_years_targets_and_finished_results(client):
    plan = factories.first_plan()
    factories.PlacementFactory(sector="private", started_on=datetime.date(2012, 2, 1))
    response = client.get(f"/plans/{plan.pk}/results.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = list(workbook["연도별 실적"].iter_rows(min_row=3, values_only=True))
    assert (2012, "민간", 1170, 1, 0.1, "확정") in rows
    period = list(workbook["계획 기간"].iter_rows(min_row=2, values_only=True))
    assert period[0][:3] == ("전체", 18640, 18650)


def test_a_plan_that_does_not_exist_is_404(client):
    assert client.get("/plans/999999/").status_code == 404


def test_the_plans_api_gives_title_years_stated_total_indicators_and_sector_targets(client):
    rows = client.get("/api/v1/plans/").json()["results"]
    plan = next(row for row in rows if row["first_year"] == 2010)
    assert (plan["title"], plan["last_year"], plan["stated_total"]) == (
        "구로구 일자리 창출 계획",
        2014,
        18640,
    )
    assert set(plan["indicators"]) == {"employment_rate_target", "employed_growth_target"}
    assert [row["year"] for row in plan["years"]] == [2010, 2011, 2012, 2013, 2014]
    assert {"sector": "total", "target": 4350} in plan["years"][0]["sectors"]
