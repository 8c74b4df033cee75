"""The dashboard page draws a snapshot's figures once per language and keeps them in the shared
cache: the page costs the same few queries whatever the figures hold, a new snapshot shows at once,
and what is kept holds aggregates only (no reader's name, no CSRF token)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guro_jobs import page_cache
from placements.models import Placement
from reports.services import store_snapshot
from tests import factories

pytestmark = pytest.mark.django_db


def queries(client, year):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/dashboard/", {"year": year})
    assert response.status_code == 200
    return len(captured)


def more_programs_dongs_and_years(count):
    for n in range(count):
        program = factories.ProgramFactory(year=2011, sector="public", capacity=5)
        factories.PlacementFactory(
            sector="public",
            started_on=datetime.date(2011, 2, 1 + n),
            source=Placement.Source.PROGRAM,
            program=program,
            employer=None,
            dong_at_hire=factories.dong(["가리봉동", "개봉1동", "고척2동", "오류1동", "항동"][n % 5]),
        )
        factories.PlacementFactory(started_on=datetime.date(2005 + n, 3, 1))


def test_the_page_costs_the_same_queries_for_few_or_many_rows_of_figures(client, staff_user, hand_counted):
    client.force_login(staff_user)
    store_snapshot(year=2011)
    client.get("/dashboard/", {"year": 2011})  # the session's first request stamps it
    page_cache.forget_all()
    few_drawn, few_kept = queries(client, 2011), queries(client, 2011)

    more_programs_dongs_and_years(5)
    store_snapshot(year=2011)
    many_drawn, many_kept = queries(client, 2011), queries(client, 2011)

    assert (many_drawn, many_kept) == (few_drawn, few_kept)
    assert few_kept < few_drawn  # kept figures skip the snapshot's data and the names' lookups


def test_a_new_snapshot_shows_at_once(client, staff_user, hand_counted):
    client.force_login(staff_user)
    store_snapshot(year=2011)
    before = client.get("/dashboard/", {"year": 2011}).content.decode()
    factories.PlacementFactory(
        sector="public",
        started_on=datetime.date(2011, 5, 1),
        source=Placement.Source.PROGRAM,
        program=hand_counted.program
        if hasattr(hand_counted, "program")
        else factories.ProgramFactory(year=2011),
        employer=None,
        dong_at_hire=factories.dong("항동"),
    )
    store_snapshot(year=2011)
    after = client.get("/dashboard/", {"year": 2011}).content.decode()
    assert "항동" in after and after != before


def test_the_kept_figures_hold_no_reader_and_no_token(client, staff_user, hand_counted, monkeypatch):
    kept = []
    original = page_cache.keep
    monkeypatch.setattr(page_cache, "keep", lambda key, value: kept.append(value) or original(key, value))
    client.force_login(staff_user)
    store_snapshot(year=2011)
    page = client.get("/dashboard/", {"year": 2011}).content.decode()
    assert "csrfmiddlewaretoken" in page  # the recompute button, drawn per request
    assert len(kept) == 1
    text = "".join(kept[0].values())
    assert "dashboard-chart-data" in text and "부문별 목표 대비 실적" in text
    assert "csrfmiddlewaretoken" not in text and staff_user.username not in text and "로그아웃" not in text
    names = set(Placement.objects.values_list("resident__name", flat=True))
    assert names and not any(name in text for name in names)


def without_token(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def drawn_during(client, year, monkeypatch):
    """How many times the page drew the figures itself while answering, and the page."""
    from reports import fragments

    drawn = []
    original = fragments.draw
    monkeypatch.setattr(fragments, "draw", lambda snapshot: drawn.append(snapshot.year) or original(snapshot))
    response = client.get("/dashboard/", {"year": year})
    assert response.status_code == 200
    return len(drawn), response.content.decode()


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_recompute_task_keeps_the_figures_so_the_first_visitor_gets_a_warm_page(
    client, staff_user, hand_counted, monkeypatch, language
):
    from reports.tasks import recompute_dashboard

    client.force_login(staff_user)
    client.cookies["django_language"] = language
    recompute_dashboard.delay(2011).get()
    drawn, page = drawn_during(client, 2011, monkeypatch)
    assert drawn == 0
    assert "dashboard-chart-data" in page
    # what was kept ahead is what the page draws itself once nothing is kept
    page_cache.forget_all()
    drawn_again, page_again = drawn_during(client, 2011, monkeypatch)
    assert drawn_again == 1
    assert without_token(page_again) == without_token(page)


def test_the_nightly_recompute_keeps_every_years_figures(client, staff_user, hand_counted, monkeypatch):
    from reports.tasks import recompute_all_dashboards

    client.force_login(staff_user)
    years = recompute_all_dashboards.delay().get()["years"]
    assert 2011 in years
    for year in years:
        assert drawn_during(client, year, monkeypatch)[0] == 0


def test_nothing_is_drawn_ahead_while_the_page_cache_is_off(
    client, staff_user, hand_counted, monkeypatch, settings
):
    from reports.tasks import recompute_dashboard

    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(staff_user)
    recompute_dashboard.delay(2011).get()
    assert drawn_during(client, 2011, monkeypatch)[0] == 1
