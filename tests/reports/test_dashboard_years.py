"""The year picker lists every year with a target or a placement, opens on the current year
(Asia/Seoul), and a year without a snapshot is computed on demand (issue 11 item 8)."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from guro_jobs.celery import app as celery_app
from reports.models import DashboardSnapshot
from reports.services import store_snapshot
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager_client(client):
    cache.clear()
    client.force_login(factories.manager_user())
    yield client
    cache.clear()


def test_the_picker_lists_plan_years_placement_years_and_the_current_year(manager_client):
    factories.PlacementFactory(started_on=datetime.date(2019, 6, 1))
    store_snapshot(year=2011)
    page = manager_client.get("/dashboard/?year=2011").content.decode()
    this_year = timezone.localdate().year
    for year in [2010, 2011, 2012, 2013, 2014, 2019, this_year]:
        assert f'<option value="{year}"' in page
    assert '<option value="2018"' not in page


def test_the_dashboard_opens_on_the_current_year_in_seoul(manager_client):
    this_year = timezone.localdate().year  # TIME_ZONE is Asia/Seoul
    response = manager_client.get("/dashboard/")
    assert response.status_code == 200
    assert f"<h1>{this_year}년 일자리 목표 대비 실적</h1>" in response.content.decode()
    assert f'<option value="{this_year}" selected>' in response.content.decode()


def test_a_year_with_placements_but_no_snapshot_is_computed_on_demand(manager_client):
    factories.PlacementFactory(sector="public", started_on=datetime.date(2019, 6, 1))
    page = manager_client.get("/dashboard/?year=2019").content.decode()
    assert "아직 계산되지 않았습니다" not in page
    assert DashboardSnapshot.objects.get(year=2019).data["sectors"][1]["actual"] == 1


def test_a_plan_year_without_a_snapshot_is_computed_on_demand_in_the_api(manager_client):
    data = manager_client.get("/api/v1/dashboard/2013/").json()
    assert data["sectors"][0]["target"] == 3510


@pytest.mark.services
def test_with_a_broker_the_page_shows_the_progress_and_queues_the_year_only_once(manager_client):
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    try:
        first = manager_client.get("/dashboard/?year=2012")
        second = manager_client.get("/dashboard/?year=2012")
        assert first.status_code == 302 and "/dashboard/recompute/" in first["Location"]
        assert second["Location"] == first["Location"]  # the same computation, not a second one
        progress = manager_client.get(first["Location"]).content.decode()
        assert "<progress" in progress and 'aria-live="polite"' in progress
        api = manager_client.get("/api/v1/dashboard/2012/")
        assert api.status_code == 202 and api.json()["task_id"] in first["Location"]
    finally:
        celery_app.control.purge()
