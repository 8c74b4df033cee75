"""The whole dashboard page is kept per worker (reports/kept_pages.py) and served again to the next
reader who would get the same bytes: what a reader sees is exactly the page drawn afresh for them,
with their own CSRF token, their roles' menu, their language, and every change (a new snapshot, a
new plan year, recounted casework figures) on the next view."""

import datetime
import re
import uuid

import pytest
from django.core.cache import cache
from django.test import Client

from casework import selectors as casework_selectors
from guro_jobs import page_cache
from reports import kept_pages
from reports.services import store_snapshot
from tests import factories

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


@pytest.fixture(autouse=True)
def nothing_kept(monkeypatch):
    """Nothing kept, and a page cache version of this test's own: another test process sharing
    the Redis (pytest -n) puts every namespace out of use when its tests start, which would
    otherwise make a kept page look like a missed one here."""
    own_version = uuid.uuid4().hex
    monkeypatch.setattr(page_cache, "version", lambda namespace: own_version)
    kept_pages.forget_all()
    yield
    kept_pages.forget_all()


@pytest.fixture
def snapshot_2011(hand_counted):
    return store_snapshot(year=2011)


def page(client, year=2011, **extra):
    response = client.get("/dashboard/", {"year": year}, **extra)
    assert response.status_code == 200
    return response.content.decode()


def without_tokens(html):
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', html)


def drawn_afresh(client, settings, year=2011):
    """The page as drawn with nothing kept (the page cache off), for the same reader."""
    seconds = settings.PAGE_CACHE_SECONDS
    settings.PAGE_CACHE_SECONDS = 0
    try:
        return page(client, year)
    finally:
        settings.PAGE_CACHE_SECONDS = seconds


def test_a_kept_page_is_the_page_drawn_afresh_but_for_the_token(client, staff_user, snapshot_2011, settings):
    client.force_login(staff_user)
    first, kept = page(client), page(client)
    assert len(kept_pages._kept) == 1
    assert without_tokens(kept) == without_tokens(first) == without_tokens(drawn_afresh(client, settings))


def test_a_kept_page_carries_the_readers_own_token_and_it_is_accepted(staff_user, snapshot_2011):
    other = Client(enforce_csrf_checks=True)
    other.force_login(factories.staff_user(username="other-staff@guro.go.kr"))
    page(other)  # kept by another reader's view
    reader = Client(enforce_csrf_checks=True)
    reader.force_login(staff_user)
    html = page(reader)
    (token,) = set(TOKEN.findall(html))
    assert kept_pages.CSRF_PLACEHOLDER not in html
    assert set(TOKEN.findall(page(other))).isdisjoint({token})
    response = reader.post("/dashboard/recompute/", {"year": 2011, "csrfmiddlewaretoken": token})
    assert response.status_code == 302  # not 403: the token in the kept page is this reader's


def test_a_kept_page_shows_nothing_of_the_reader_who_caused_it(client, staff_user, snapshot_2011):
    first = factories.staff_user(username="first-reader@guro.go.kr")
    client.force_login(first)
    page(client)
    client.force_login(staff_user)
    html = page(client)
    assert "first-reader" not in html
    assert len(kept_pages._kept) == 1  # the same page: nothing in it names either reader


def test_the_menu_follows_the_readers_roles_not_the_kept_page(client, staff_user, snapshot_2011, settings):
    client.force_login(staff_user)
    assert "오늘 할 일" in page(client)  # district staff's casework link
    manager = factories.manager_user()
    client.force_login(manager)
    manager_page = page(client)
    assert "오늘 할 일" not in manager_page
    assert without_tokens(manager_page) == without_tokens(drawn_afresh(client, settings))


def test_the_english_switch_is_never_answered_with_the_korean_page(client, staff_user, snapshot_2011):
    client.force_login(staff_user)
    korean = page(client)
    client.cookies["django_language"] = "en"
    english = page(client)
    assert '<html lang="ko">' in korean and '<html lang="en">' in english


def test_a_new_snapshot_shows_on_the_next_view(client, staff_user, snapshot_2011):
    client.force_login(staff_user)
    before = page(client)
    factories.PlacementFactory(sector="public", started_on=datetime.date(2011, 9, 1))
    store_snapshot(year=2011)
    after = page(client)
    assert after != before


def test_a_new_plan_year_or_placement_year_shows_in_the_picker_on_the_next_view(
    client, staff_user, snapshot_2011
):
    client.force_login(staff_user)
    assert '<option value="2009"' not in page(client)
    factories.PlacementFactory(started_on=datetime.date(2008, 6, 1))
    html = page(client)
    assert '<option value="2008"' in html and '<option value="2009"' in html


def test_recounted_casework_figures_show_on_the_next_view(client, staff_user, snapshot_2011):
    client.force_login(staff_user)
    figures = casework_selectors.cached_dashboard_figures(2011)
    page(client)
    recounted = {**figures, "referrals": {**figures["referrals"], "made": 987}}
    cache.set("casework:dashboard-figures:2011", recounted, 60)
    assert '<table class="portal-table" id="referral-figures">' in page(client)
    assert "<td>987</td>" in page(client)


def test_a_message_is_shown_once_and_the_page_with_it_is_not_kept(client, staff_user, hand_counted):
    client.force_login(staff_user)
    response = client.post("/dashboard/recompute/", {"year": 2011}, follow=True)
    assert "2011년 대시보드를 다시 계산했습니다." in response.content.decode()
    assert len(kept_pages._kept) == 0
    assert "다시 계산했습니다." not in page(client)


def test_with_the_page_cache_off_nothing_is_kept(client, staff_user, snapshot_2011, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(staff_user)
    page(client)
    assert len(kept_pages._kept) == 0


# session, user, its 2FA device, its roles; the snapshot's header with the year picker (one query);
# a year without a snapshot also asks whether it has a plan or a placement (worth computing).
@pytest.mark.parametrize(("year", "queries"), [(2011, 5), (2019, 7)])
def test_the_dashboard_costs_the_same_few_queries_whatever_the_data(
    client, staff_user, hand_counted, django_assert_num_queries, year, queries
):
    store_snapshot(year=2011)
    client.force_login(staff_user)
    page(client, year)  # the session's first request stamps it
    with django_assert_num_queries(queries):
        page(client, year)
    for started_on in [datetime.date(2001, 1, 1), datetime.date(2011, 4, 1), datetime.date(2030, 1, 1)]:
        factories.PlacementFactory(started_on=started_on)
    store_snapshot(year=2011)
    page(client, year)  # the first view after a recompute outside the task draws the figures
    with django_assert_num_queries(queries):
        page(client, year)


def test_the_print_page_is_kept_as_drawn_and_follows_a_new_snapshot(
    client, manager_user, snapshot_2011, settings
):
    client.force_login(manager_user)
    first, kept = client.get("/dashboard/2011/print/"), client.get("/dashboard/2011/print/")
    assert first.status_code == kept.status_code == 200
    seconds, settings.PAGE_CACHE_SECONDS = settings.PAGE_CACHE_SECONDS, 0
    afresh = client.get("/dashboard/2011/print/").content.decode()
    settings.PAGE_CACHE_SECONDS = seconds
    assert (
        without_tokens(kept.content.decode())
        == without_tokens(first.content.decode())
        == without_tokens(afresh)
    )
    factories.PlacementFactory(sector="public", started_on=datetime.date(2011, 9, 1))
    store_snapshot(year=2011)
    assert client.get("/dashboard/2011/print/").content != kept.content
