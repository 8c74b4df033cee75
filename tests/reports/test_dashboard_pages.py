"""The /dashboard/ pages, exports and API: who may open them and what they show."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from kombu.exceptions import OperationalError

from reports.models import DashboardSnapshot
from reports.services import store_snapshot
from reports.tasks import recompute_dashboard

pytestmark = pytest.mark.django_db


@pytest.fixture
def snapshot_2011(hand_counted):
    return store_snapshot(year=2011)


PAGES = [
    ("reports:dashboard", []),
    ("reports:print", [2011]),
    ("reports:export_xlsx", [2011]),
    ("reports:export_csv", [2011]),
    ("api-dashboard", [2011]),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
@pytest.mark.parametrize(
    ("role", "expected"),
    [("staff_user", 200), ("manager_user", 200), ("resident_user", 403), ("employer_user", 403)],
)
def test_only_staff_and_managers_open_the_dashboards(
    client, snapshot_2011, request, name, args, role, expected
):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse(name, args=args)).status_code == expected


@pytest.mark.parametrize(("name", "args"), PAGES[:4])
def test_anonymous_visitors_are_sent_to_log_in(client, snapshot_2011, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert "next=" in response["Location"]


def test_anonymous_api_request_is_refused(client, snapshot_2011):
    assert client.get(reverse("api-dashboard", args=[2011])).status_code in {401, 403}


def test_residents_cannot_ask_for_a_recompute(client, resident_user):
    client.force_login(resident_user)
    assert client.post(reverse("reports:recompute"), {"year": 2011}).status_code == 403
    assert not DashboardSnapshot.objects.exists()


def test_dashboard_shows_figures_definition_and_a_table_for_the_chart(client, staff_user, snapshot_2011):
    client.force_login(staff_user)
    response = client.get(reverse("reports:dashboard"), {"year": 2011})
    page = response.content.decode()
    assert "2011년 일자리 목표 대비 실적" in page
    assert "근무 시작일이 해당 연도" in page  # the definition of "actual", on the page itself
    assert "3,810" in page and "0.2%" in page
    assert "18,640" in page and "18,650" in page  # stated plan sum and the yearly rows' sum
    assert "chartjs/chart.umd.min.js" in page
    assert 'id="sector-chart"' in page and "<table" in page
    assert "대성 디큐브시티" in page and "500" in page
    assert "2,000,000원" in page


def test_year_selector_offers_the_plan_years(client, manager_user, snapshot_2011):
    client.force_login(manager_user)
    page = client.get(reverse("reports:dashboard"), {"year": 2011}).content.decode()
    for year in range(2010, 2015):
        assert f'<option value="{year}"' in page


def test_a_year_without_plan_placements_or_snapshot_says_so_and_offers_a_recompute(client, staff_user, db):
    client.force_login(staff_user)
    page = client.get(reverse("reports:dashboard"), {"year": 2003}).content.decode()
    assert "아직 계산되지 않았습니다" in page
    assert reverse("reports:recompute") in page


def test_recompute_now_stores_the_new_figures_and_shows_them(client, staff_user, hand_counted):
    client.force_login(staff_user)
    response = client.post(reverse("reports:recompute"), {"year": 2011}, follow=True)
    assert response.status_code == 200
    assert DashboardSnapshot.objects.get(year=2011).data["sectors"][0]["actual"] == 6
    assert "2011년 대시보드를 다시 계산했습니다" in response.content.decode()


def test_recompute_with_the_broker_down_answers_in_korean_not_500(client, staff_user, db, monkeypatch):
    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(recompute_dashboard, "apply_async", broker_down)
    client.force_login(staff_user)
    response = client.post(reverse("reports:recompute"), {"year": 2011})
    assert response.status_code == 503
    assert "지금은 다시 계산할 수 없습니다" in response.content.decode()


def test_each_figure_links_to_the_admin_list_of_its_placements(
    client, staff_user, snapshot_2011, hand_counted
):
    from reports.presenters import with_links

    data = with_links(snapshot_2011.data)
    client.force_login(staff_user)

    def listed(url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "e=1" not in response.get("Location", ""), url
        return response.context["cl"].result_count

    assert [listed(row["url"]) for row in data["sectors"]] == [6, 2, 4]
    assert [listed(row["url"]) for row in data["cumulative"]["sectors"]] == [8, 3, 5]
    assert listed(data["programs"][0]["url"]) == 2
    assert listed(data["programs"][0]["selected_url"]) == 2
    mine = next(a for a in data["agreements"] if a["id"] == hand_counted.agreement.pk)
    assert (listed(mine["url"]), listed(mine["local_url"])) == (3, 2)
    assert listed(data["digital_valley"]["url"]) == 2
    dongs = {row["name"]: row for row in data["dongs"]}
    assert listed(dongs["구로3동"]["url"]) == 3
    assert listed(data["outside_guro"]["url"]) == 1
    groups = {row["code"]: row for row in data["priority_groups"]}
    assert listed(groups["basic_livelihood"]["url"]) == 2
    assert listed(data["retention"][0]["url"]) == 2
    assert listed(data["hires_url"]) == 6


def test_xlsx_export_has_a_sheet_per_breakdown_with_korean_headers(client, staff_user, snapshot_2011):
    client.force_login(staff_user)
    response = client.get(reverse("reports:export_xlsx", args=[2011]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert {
        "부문별 실적",
        "연도별 추이",
        "계획 기간 누적",
        "사업별",
        "협약별",
        "디지털단지",
        "행정동별",
        "우선지원대상별",
        "고용 유지",
        "요약",
    } <= set(workbook.sheetnames)
    sectors = list(workbook["부문별 실적"].values)
    assert sectors[0] == ("부문", "목표", "실적", "달성률(%)")
    assert sectors[1] == ("전체", 3810, 6, 0.2)


def test_csv_export_is_utf8_with_bom_so_excel_reads_korean(client, staff_user, snapshot_2011):
    client.force_login(staff_user)
    body = client.get(reverse("reports:export_csv", args=[2011])).content
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == ["표", "항목", "지표", "값"]
    assert ["부문별 실적", "전체", "실적", "6"] in rows


def test_print_page_has_the_tables_without_charts(client, manager_user, snapshot_2011):
    client.force_login(manager_user)
    page = client.get(reverse("reports:print", args=[2011])).content.decode()
    assert "구로구 2011년 일자리 목표 대비 실적" in page
    assert "<canvas" not in page and "<table" in page


def test_api_returns_the_latest_snapshot(client, manager_user, snapshot_2011):
    client.force_login(manager_user)
    body = client.get(reverse("api-dashboard", args=[2011])).json()
    assert body["year"] == 2011
    assert body["computed_at"]
    assert body["sectors"] == [
        {"sector": "total", "label": "전체", "target": 3810, "actual": 6, "rate": 0.2},
        {"sector": "public", "label": "공공", "target": 2550, "actual": 2, "rate": 0.1},
        {"sector": "private", "label": "민간", "target": 1260, "actual": 4, "rate": 0.3},
    ]


def test_api_answers_404_for_a_year_without_plan_placements_or_snapshot(client, staff_user, db):
    client.force_login(staff_user)
    assert client.get(reverse("api-dashboard", args=[2003])).status_code == 404


def test_progress_page_shows_a_progress_bar_while_the_task_is_not_done(client, manager_user):
    client.force_login(manager_user)
    response = client.get(reverse("reports:recompute_progress", args=["not-finished-yet"]), {"year": 2011})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<progress" in page and 'aria-live="polite"' in page
    assert reverse("reports:recompute_status", args=["not-finished-yet"]) in page


def test_dashboard_page_reads_the_snapshot_not_the_placements(
    client, staff_user, snapshot_2011, django_assert_max_num_queries
):
    client.force_login(staff_user)
    client.get(reverse("reports:dashboard"), {"year": 2011})  # the session's first request stamps it
    # session, user, its 2FA device and roles; the snapshot; the year picker (plan years, snapshot
    # years, the placements' first and last start date); names of dongs, programs and groups
    # in the reader's language: a fixed number, never one per placement
    with django_assert_max_num_queries(10):
        response = client.get(reverse("reports:dashboard"), {"year": 2011})
    assert response.status_code == 200
