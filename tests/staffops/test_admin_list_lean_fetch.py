"""The staff lists fetch only the columns a page draws (residents.admin_paging.LeanChangeList,
``list_fetch_fields``), and a text search is counted only up to SEARCH_COUNT_CAP matches: past it the
list says, in Korean, that there are more and asks for a more specific search."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from residents import admin_paging
from residents.admin import ResidentAdmin
from tests import factories

pytestmark = pytest.mark.django_db

RESIDENTS = "/admin/residents/resident/"


def statements_of(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return response, [query["sql"] for query in captured]


def test_the_resident_list_fetches_only_the_columns_it_draws(client, staff_user):
    factories.ResidentFactory(career_summary="긴 경력 설명")
    client.force_login(staff_user)
    client.get(RESIDENTS)
    response, statements = statements_of(client, RESIDENTS)
    rows = [sql for sql in statements if sql.startswith('SELECT "residents_resident"."id"')]
    assert rows, statements
    assert '"residents_resident"."name"' in rows[0]
    assert '"residents_resident"."career_summary"' not in rows[0]
    assert "긴 경력 설명" not in response.content.decode()


@pytest.mark.parametrize(
    "path", [RESIDENTS, "/admin/placements/placement/", "/admin/placements/jobapplication/"]
)
def test_a_list_fetched_lean_sends_no_query_per_row_for_a_page_of_fifty(
    client, staff_user, path, django_assert_max_num_queries
):
    """Drawing a row must not reach for a column left out of ``list_fetch_fields`` (that would be one
    query per row): a page of fifty sends as many queries as a page of two."""
    client.force_login(staff_user)
    if "jobapplication" in path:
        make = factories.JobApplicationFactory
    elif "placement" in path:
        make = factories.PlacementFactory
    else:
        make = factories.ResidentFactory
    make.create_batch(2)
    client.get(path)
    _, few = statements_of(client, path)
    make.create_batch(48)
    with django_assert_max_num_queries(len(few)):
        response = client.get(path)
    assert response.content.decode().count('class="action-select"') == 50


def test_the_rows_name_themselves_in_the_checkbox_label_as_before(client, staff_user):
    resident = factories.ResidentFactory(name="김민수")
    client.force_login(staff_user)
    html = client.get(RESIDENTS).content.decode()
    assert f' - {resident}">' in html  # the label ends with the resident's name and birth year


def test_a_search_past_its_count_cap_asks_for_a_more_specific_search(client, staff_user, monkeypatch):
    monkeypatch.setattr(admin_paging, "SEARCH_COUNT_CAP", 2)
    for name in ["김가람", "김나래", "김다솜", "김라온"]:
        factories.ResidentFactory(name=name)
    client.force_login(staff_user)
    response, statements = statements_of(client, RESIDENTS + "?q=김")
    html = response.content.decode()
    assert "2건 이상 — 검색어를 더 구체적으로 입력하세요" in html
    counts = [sql for sql in statements if "COUNT(" in sql.upper()]
    assert counts and all("LIMIT 3" in sql for sql in counts)


def test_a_capped_search_does_not_show_its_cut_off_count_beside_the_search_box(
    client, staff_user, monkeypatch
):
    monkeypatch.setattr(admin_paging, "SEARCH_COUNT_CAP", 2)
    for name in ["김가람", "김나래", "김다솜", "김라온"]:
        factories.ResidentFactory(name=name)
    client.force_login(staff_user)
    search_box = (
        client.get(RESIDENTS + "?q=김")
        .content.decode()
        .split('id="changelist-search"')[1]
        .split("</form>")[0]
    )
    assert "결과 3개" not in search_box  # the count stopped at the cap + 1: not a number of matches
    assert 'class="small quiet"' not in search_box


def test_selecting_all_of_a_capped_search_says_at_least_the_cap_not_the_cut_off_count(
    client, staff_user, monkeypatch
):
    monkeypatch.setattr(admin_paging, "SEARCH_COUNT_CAP", 2)
    monkeypatch.setattr(ResidentAdmin, "list_per_page", 1)
    for name in ["김가람", "김나래", "김다솜", "김라온"]:
        factories.ResidentFactory(name=name)
    client.force_login(staff_user)
    actions = (
        client.get(RESIDENTS + "?q=김").content.decode().split('<div class="actions">')[1].split("</div>")[0]
    )
    assert "2+" in actions and "3" not in actions


def test_a_search_within_its_cap_shows_the_number_found(client, staff_user, monkeypatch):
    monkeypatch.setattr(admin_paging, "SEARCH_COUNT_CAP", 2)
    factories.ResidentFactory(name="김가람")
    factories.ResidentFactory(name="이나래")
    client.force_login(staff_user)
    html = client.get(RESIDENTS + "?q=김").content.decode()
    assert "검색어를 더 구체적으로" not in html
    assert '<p class="paginator">' in html and "\n1 " in html.split('<p class="paginator">')[1]


def test_a_filtered_list_without_a_search_keeps_the_larger_count_cap(client, staff_user, monkeypatch):
    monkeypatch.setattr(admin_paging, "SEARCH_COUNT_CAP", 1)
    factories.ResidentFactory.create_batch(3, gender="female")
    client.force_login(staff_user)
    html = client.get(RESIDENTS + "?gender__exact=female").content.decode()
    assert "검색어를 더 구체적으로" not in html
