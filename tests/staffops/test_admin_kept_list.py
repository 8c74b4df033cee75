"""A staff list page is kept around its rows (residents/admin_kept_list.py): the next view of the
same page by the same browser draws only the rows. What it sends is the page drawn afresh, but for
its CSRF tokens; the rows, the count, the reader's permission, messages and the access log are
each view's own."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from audit.models import PersonalDataAccess
from residents import admin_kept_list
from residents.models import Resident
from tests import factories

pytestmark = pytest.mark.django_db

RESIDENTS = "/admin/residents/resident/"
LISTS = {
    RESIDENTS: lambda: factories.ResidentFactory.create_batch(4, name="주민"),
    "/admin/placements/jobapplication/": lambda: [
        factories.JobApplicationFactory(
            vacancy=factories.VacancyFactory(employer=factories.EmployerFactory())
        )
        for _ in range(4)
    ],
    "/admin/placements/placement/": lambda: factories.PlacementFactory.create_batch(4),
}
QUERIES = ["", "?o=-3", "?o=2.-3", "?q=주민", "?q=없는이름"]
FILTERS = {
    RESIDENTS: "?lives_in_guro=yes",
    "/admin/placements/jobapplication/": "?status__exact=applied",
    "/admin/placements/placement/": "?status__exact=standing",
}


@pytest.fixture(autouse=True)
def pages_are_kept(settings):
    settings.ADMIN_LIST_KEPT_SECONDS = 30  # tests/conftest.py turns it off for every other test


def without_tokens(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "TOKEN", response.content.decode())


def drawn_from_frame(response):
    """A page drawn from a kept frame renders no template."""
    return response.status_code == 200 and not response.templates


@pytest.mark.parametrize("path", list(LISTS))
def test_a_kept_page_is_the_page_drawn_afresh_but_for_its_tokens(client, admin_user, settings, path):
    LISTS[path]()
    client.force_login(admin_user)
    for query in [*QUERIES, FILTERS[path]]:
        first = client.get(path + query)
        kept = client.get(path + query)
        assert first.status_code == 200
        found = first.context["cl"].result_count
        assert found or query == "?q=없는이름"
        assert drawn_from_frame(kept) == bool(found)  # an empty list is not kept
        settings.ADMIN_LIST_KEPT_SECONDS = 0
        afresh = client.get(path + query)
        settings.ADMIN_LIST_KEPT_SECONDS = 30
        assert afresh.templates
        assert without_tokens(kept) == without_tokens(afresh) == without_tokens(first)
        assert admin_kept_list.ROWS_MARK not in first.content.decode()


def test_each_view_shows_the_rows_as_they_are_now(client, staff_user):
    resident = factories.ResidentFactory(name="이전이름")
    client.force_login(staff_user)
    client.get(RESIDENTS)
    Resident.objects.filter(pk=resident.pk).update(name="새이름")
    page = client.get(RESIDENTS)
    assert drawn_from_frame(page)
    assert "새이름" in page.content.decode()
    assert "이전이름" not in page.content.decode()


def test_a_list_that_finds_another_number_of_rows_is_drawn_whole_again(client, staff_user, settings):
    factories.ResidentFactory.create_batch(2)
    client.force_login(staff_user)
    client.get(RESIDENTS)
    factories.ResidentFactory(name="새주민")
    page = client.get(RESIDENTS)
    assert not drawn_from_frame(page)
    assert page.context["cl"].result_count == 3
    kept = client.get(RESIDENTS)
    assert drawn_from_frame(kept)
    settings.ADMIN_LIST_KEPT_SECONDS = 0
    assert without_tokens(kept) == without_tokens(client.get(RESIDENTS))


def test_each_view_of_a_kept_page_is_written_to_the_access_log(client, staff_user):
    factories.ResidentFactory.create_batch(3)
    client.force_login(staff_user)
    client.get(RESIDENTS + "?o=1")
    assert drawn_from_frame(client.get(RESIDENTS + "?o=1"))
    logged = PersonalDataAccess.objects.filter(target="구직자 목록", account=staff_user)
    assert [(entry.row_count, entry.detail) for entry in logged.order_by("pk")] == [(3, "o=1"), (3, "o=1")]


def test_a_kept_page_carries_the_readers_own_token_and_it_posts(staff_user):
    factories.ResidentFactory.create_batch(2)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff_user)
    browser.get(RESIDENTS)
    kept = browser.get(RESIDENTS)
    assert drawn_from_frame(kept)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', kept.content.decode()).group(1)
    assert admin_kept_list.ROWS_MARK not in kept.content.decode()
    posted = browser.post(RESIDENTS, {"csrfmiddlewaretoken": token, "action": "", "index": "0"})
    assert posted.status_code == 302  # Django's "select rows first", not the CSRF refusal (403)


def test_a_message_after_an_action_is_shown_on_the_kept_page(client, staff_user):
    factories.ResidentFactory.create_batch(2)
    client.force_login(staff_user)
    client.get(RESIDENTS)
    client.post(RESIDENTS, {"action": "", "index": "0"})  # nothing selected: a warning for the next page
    page = client.get(RESIDENTS)
    assert not drawn_from_frame(page)
    assert [str(message) for message in page.context["messages"]]
    assert drawn_from_frame(client.get(RESIDENTS))  # and after it, kept again


def test_another_reader_or_browser_never_gets_the_page_kept_for_the_first(admin_user, staff_user):
    factories.ResidentFactory.create_batch(2)
    first, second, other_browser = Client(), Client(), Client()
    first.force_login(admin_user)
    second.force_login(staff_user)
    other_browser.force_login(staff_user)
    first.get(RESIDENTS)
    first.get(RESIDENTS)
    page = second.get(RESIDENTS)
    assert not drawn_from_frame(page)
    assert f"<strong>{admin_user.get_username()}</strong>" in first.get(RESIDENTS).content.decode()
    assert f"<strong>{admin_user.get_username()}</strong>" not in page.content.decode()
    assert not drawn_from_frame(other_browser.get(RESIDENTS))  # its own CSRF secret
    assert len(admin_kept_list._frames) == 3


def test_a_reader_who_loses_the_permission_is_refused_at_once(client, staff_user):
    factories.ResidentFactory.create_batch(2)
    client.force_login(staff_user)
    client.get(RESIDENTS)
    assert drawn_from_frame(client.get(RESIDENTS))
    staff_user.groups.clear()
    assert client.get(RESIDENTS).status_code == 403


def test_a_kept_page_is_drawn_whole_again_once_its_time_is_up(client, staff_user, monkeypatch):
    factories.ResidentFactory.create_batch(2)
    client.force_login(staff_user)
    client.get(RESIDENTS)
    assert drawn_from_frame(client.get(RESIDENTS))
    now = admin_kept_list.time.monotonic()
    monkeypatch.setattr(admin_kept_list.time, "monotonic", lambda: now + 31)
    assert not drawn_from_frame(client.get(RESIDENTS))


@pytest.mark.parametrize("query", ["?_popup=1", "?_to_field=id&_popup=1", "?_facets=True", "?all="])
def test_popups_picks_facets_and_show_all_are_never_kept(client, staff_user, query):
    factories.ResidentFactory.create_batch(2)
    client.force_login(staff_user)
    client.get(RESIDENTS + query)
    assert not drawn_from_frame(client.get(RESIDENTS + query))
    assert len(admin_kept_list._frames) == 0


def test_nothing_is_kept_with_the_page_cache_off(client, staff_user, settings):
    settings.ADMIN_LIST_KEPT_SECONDS = 0
    factories.ResidentFactory.create_batch(2)
    client.force_login(staff_user)
    client.get(RESIDENTS)
    assert not drawn_from_frame(client.get(RESIDENTS))
    assert len(admin_kept_list._frames) == 0


@pytest.mark.parametrize("path", list(LISTS))
def test_a_kept_page_sends_the_same_queries_for_a_full_page_as_for_a_few_rows(client, admin_user, path):
    client.force_login(admin_user)
    queries = []
    for more_batches in (1, 7):  # 4 rows, then 32
        for _ in range(more_batches):
            LISTS[path]()
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            assert drawn_from_frame(client.get(path))
        queries.append(len(captured.captured_queries))
    assert queries[0] == queries[1]


@pytest.mark.django_db(transaction=True)
def test_a_row_fetched_as_before_is_drawn_as_before_and_any_changed_value_draws_it_again(client, settings):
    """Outside a test's transaction (as in a running portal) each row is kept drawn under the
    values it was drawn from, read with it in one snapshot."""
    staff = factories.staff_user()
    first, second = factories.ResidentFactory(name="첫주민"), factories.ResidentFactory(name="둘째주민")
    client.force_login(staff)
    client.get(RESIDENTS)
    client.get(RESIDENTS)  # rows drawn from instances, kept under their values
    with CaptureQueriesContext(connection) as captured:
        kept = client.get(RESIDENTS)
    assert drawn_from_frame(kept)
    page_reads = [
        q for q in captured.captured_queries if q["sql"].startswith('SELECT "residents_resident"."id"')
    ]
    assert len(page_reads) == 1  # the values only: both rows drawn as before
    Resident.objects.filter(pk=second.pk).update(name="바뀐이름")
    first.dong.__class__.objects.filter(pk=first.dong_id).update(name="새동")
    changed = client.get(RESIDENTS).content.decode()
    assert "바뀐이름" in changed and "둘째주민" not in changed
    assert "새동" in changed
    settings.ADMIN_LIST_KEPT_SECONDS = 0
    assert without_tokens(client.get(RESIDENTS)) == re.sub(
        r'name="csrfmiddlewaretoken" value="[^"]*"', "TOKEN", changed
    )


def test_a_search_past_its_count_cap_is_counted_again_only_every_few_seconds(client, staff_user, monkeypatch):
    from residents import admin_paging

    monkeypatch.setattr(admin_paging, "SEARCH_COUNT_CAP", 2)
    factories.ResidentFactory.create_batch(4, name="김주민")
    client.force_login(staff_user)
    assert "2건 이상" in client.get(RESIDENTS + "?q=김").content.decode()

    def counts_sent():
        with CaptureQueriesContext(connection) as captured:
            page = client.get(RESIDENTS + "?q=김")
        assert drawn_from_frame(page)
        return [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"]]

    assert counts_sent() == []
    now = admin_kept_list.time.monotonic()
    monkeypatch.setattr(
        admin_kept_list.time, "monotonic", lambda: now + admin_kept_list.CAPPED_COUNT_SECONDS + 1
    )
    assert len(counts_sent()) == 1
