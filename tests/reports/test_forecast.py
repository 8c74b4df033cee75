"""The year-end forecast, on hand-made data whose every projection is computed by hand below.

Today is 2026-07-01 (day 182 of 365).
  2024: 10 public program placements (public works), 4 of them by 1 July  -> share 0.4
  2025: 20 public program placements (public works), 10 of them by 1 July -> share 0.5
  2026 to date: 9 public (in the 2026 public works program), 3 private; one more public on
  2026-09-01 has not started yet and does not count. No private placement before 2026.
  2026 plan: total 30, public 25, private 5; the public works project's target is 30.
"""

import datetime

import pytest
from django.core import mail
from django.test import override_settings

from plans.models import ProjectTarget, YearPlan
from programs.models import Program
from reports.forecast import compute_forecast, project
from reports.models import DashboardSnapshot, ForecastWarning
from reports.services import compute_snapshot
from reports.warnings import send_forecast_warnings
from tests import factories

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 7, 1)


@pytest.fixture
def seasons(db):
    factories.plan_with_years(first_year=2026, last_year=2026, targets={2026: (30, 25, 5)})
    programs = {
        year: factories.ProgramFactory(year=year, kind=Program.Kind.PUBLIC_WORKS, capacity=10)
        for year in (2024, 2025, 2026)
    }

    def place(day, count, sector="public"):
        for _ in range(count):
            origin = (
                {"source": "program", "program": programs[day.year], "employer": None}
                if sector == "public"
                else {}
            )
            factories.PlacementFactory(sector=sector, started_on=day, **origin)

    place(datetime.date(2024, 3, 1), 4)
    place(datetime.date(2024, 9, 1), 6)
    place(datetime.date(2025, 7, 1), 10)  # on the day itself: counts as "by this date"
    place(datetime.date(2025, 7, 2), 10)
    place(datetime.date(2026, 2, 1), 9)
    place(datetime.date(2026, 9, 1), 1)  # not started yet
    place(datetime.date(2026, 3, 1), 3, sector="private")
    ProjectTarget.objects.create(
        year_plan=YearPlan.objects.get(year=2026),
        name="공공근로",
        category=ProjectTarget.Category.MISMATCH,
        sector="public",
        responsible_team="일자리정책과",
        program=programs[2026],
        target=30,
    )
    return programs


def by_sector(forecast):
    return {row["sector"]: row for row in forecast["sectors"]}


def test_public_projection_divides_the_year_to_date_by_the_average_seasonal_share(seasons):
    public = by_sector(compute_forecast(2026, today=TODAY, threshold=90))["public"]
    # 9 / ((0.4 + 0.5) / 2) = 20; range 9 / 0.5 = 18 to 9 / 0.4 = 22.5 -> 23
    assert (public["actual_to_date"], public["projected"], public["low"], public["high"]) == (9, 20, 18, 23)
    # 20 of 25 = 80% < 90%
    assert public["projected_rate"] == 80.0
    assert public["below_threshold"] is True


def test_a_sector_without_earlier_years_uses_a_plain_run_rate(seasons):
    private = by_sector(compute_forecast(2026, today=TODAY, threshold=90))["private"]
    # 3 × 365 / 182 = 6.02 -> 6, no range; 6 of 5 is above 90%
    assert (private["projected"], private["low"], private["high"], private["method"]) == (6, 6, 6, "run_rate")
    assert private["below_threshold"] is False


def test_a_projection_exactly_at_the_threshold_is_not_a_warning(seasons):
    total = by_sector(compute_forecast(2026, today=TODAY, threshold=90))["total"]
    # 12 / 0.45 = 26.67 -> 27; 12 / 0.5 = 24; 12 / 0.4 = 30; 27 of 30 is exactly 90%
    assert (total["projected"], total["low"], total["high"]) == (27, 24, 30)
    assert total["below_threshold"] is False


def test_a_program_follows_the_shape_of_earlier_programs_of_its_kind_against_its_project_target(seasons):
    row = compute_forecast(2026, today=TODAY, threshold=90)["programs"][0]
    assert row["id"] == seasons[2026].pk
    assert (row["actual_to_date"], row["projected"], row["low"], row["high"], row["target"]) == (
        9,
        20,
        18,
        23,
        30,
    )
    assert row["below_threshold"] is True  # 20 of 30 = 66.7%


def test_run_rate_counts_the_days_of_a_leap_year():
    # 2028 is a leap year: 1 March is day 61 of 366; 10 × 366 / 61 = 60
    assert project(10, [], today=datetime.date(2028, 3, 1)) == (60, 60, 60, "run_rate")


def test_only_the_current_year_gets_a_forecast_with_the_method_in_one_sentence(seasons):
    data = compute_snapshot(2026, today=TODAY)
    assert by_sector(data["forecast"])["public"]["projected"] == 20
    assert data["forecast"]["method"].count(".") == 1
    assert "forecast" not in compute_snapshot(2025, today=TODAY)


def test_the_dashboard_shows_the_method_and_the_warning(client, seasons):
    DashboardSnapshot.objects.create(year=2026, data=compute_snapshot(2026, today=TODAY))
    client.force_login(factories.manager_user())
    page = client.get("/dashboard/?year=2026").content.decode()
    assert "2026년 연말 예상 실적" in page
    assert "지난 해들에 같은 날짜까지" in page
    assert "공공 부문의 연말 예상 실적(20명)이 목표 25명의 90%에 못 미칩니다" in page


@override_settings(FORECAST_WARNING_STEP=5)
def test_managers_are_mailed_once_and_again_only_when_a_projection_worsens_by_a_step(
    seasons, django_capture_on_commit_callbacks
):
    manager = factories.manager_user()
    manager.email = "manager@guro.go.kr"
    manager.save()
    snapshot = DashboardSnapshot.objects.create(year=2026, data=compute_snapshot(2026, today=TODAY))
    with django_capture_on_commit_callbacks(execute=True):
        assert sorted(send_forecast_warnings(snapshot=snapshot)) == ["공공 부문", seasons[2026].name]
    assert len(mail.outbox) == 1
    assert "연말 예상 20명(범위 18~23명), 목표 25명의 80.0%" in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        assert send_forecast_warnings(snapshot=snapshot) == []  # the same night again: no new mail
    assert len(mail.outbox) == 1

    # One public placement fewer: 8 / 0.45 = 17.8 -> 18 = 72% of 25: worse by 8 points (≥ 5)
    seasons[2026].placements.filter(started_on__lte=TODAY).first().delete()
    snapshot.data = compute_snapshot(2026, today=TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        assert "공공 부문" in send_forecast_warnings(snapshot=snapshot)
    assert len(mail.outbox) == 2
    assert ForecastWarning.objects.get(key="sector:public").warned_rate == 72


def test_the_current_years_api_answer_adds_a_forecast_per_sector(client):
    factories.PlacementFactory(started_on=datetime.date.today())
    client.force_login(factories.manager_user())
    data = client.get(f"/api/v1/dashboard/{datetime.date.today().year}/").json()
    assert {row["sector"] for row in data["forecast"]["sectors"]} == {"total", "public", "private"}
    assert set(data["forecast"]["sectors"][0]) >= {"projected", "low", "high", "below_threshold"}
    assert [row["sector"] for row in data["sectors"]] == ["total", "public", "private"]


def test_the_nightly_warning_task_is_scheduled_and_runs(settings):
    from reports.tasks import send_forecast_warnings as task

    schedule = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"reports.send_forecast_warnings", "reports.recompute_all_dashboards"} <= schedule
    result = task.delay().get()
    assert result == {"warned": []}  # no plan covers this year in a fresh database: nothing to warn
    assert DashboardSnapshot.objects.filter(year=datetime.date.today().year).exists()
