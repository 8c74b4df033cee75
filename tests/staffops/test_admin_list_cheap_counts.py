"""The staff's long lists (residents, job applications, placements) neither count the whole table
nor scan it for a date hierarchy: a year filter built from two index lookups replaces the hierarchy,
and the page count is a planner estimate (unfiltered, large) or a count capped at COUNT_CAP rows."""

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from placements.models import Placement
from residents import admin_paging
from residents.admin_paging import CheapCountPaginator
from tests import factories

pytestmark = pytest.mark.django_db

PLACEMENTS = "/admin/placements/placement/"
APPLICATIONS = "/admin/placements/jobapplication/"
RESIDENTS = "/admin/residents/resident/"


def sql_of(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return response, [query["sql"].upper() for query in captured]


@pytest.mark.parametrize("path", [PLACEMENTS, APPLICATIONS, RESIDENTS])
def test_a_long_staff_list_sends_no_date_hierarchy_scan_and_no_second_full_count(client, staff_user, path):
    client.force_login(staff_user)
    factories.PlacementFactory()
    factories.JobApplicationFactory()
    client.get(path)
    _, statements = sql_of(client, path)
    assert not [sql for sql in statements if "DATE_TRUNC" in sql or "DISTINCT" in sql]
    assert len([sql for sql in statements if "COUNT(" in sql]) <= 1


def test_placements_are_filtered_by_start_year_with_a_choice_for_each_year_between_first_and_last(
    client, staff_user
):
    client.force_login(staff_user)
    factories.PlacementFactory(started_on=datetime.date(2011, 4, 1))
    factories.PlacementFactory(started_on=datetime.date(2013, 12, 31))
    factories.PlacementFactory(started_on=datetime.date(2014, 1, 1))
    response = client.get(PLACEMENTS)
    year_choices = [
        choice["display"]
        for spec in response.context["cl"].filter_specs
        if getattr(spec, "parameter_name", None) == "started_on_year"
        for choice in spec.choices(response.context["cl"])
    ]
    assert [str(label) for label in year_choices] == ["모두", "2014년", "2013년", "2012년", "2011년"]

    response = client.get(PLACEMENTS + "?started_on_year=2013")
    assert [p.started_on for p in response.context["cl"].result_list] == [datetime.date(2013, 12, 31)]


def test_job_applications_are_filtered_by_the_local_year_they_were_made(client, staff_user):
    client.force_login(staff_user)
    seoul_new_year = datetime.datetime(2024, 12, 31, 15, 30, tzinfo=datetime.UTC)  # 2025-01-01 00:30 KST
    old = factories.JobApplicationFactory(created_at=seoul_new_year - datetime.timedelta(hours=1))
    new = factories.JobApplicationFactory(created_at=seoul_new_year)
    in_2025 = client.get(APPLICATIONS + "?created_at_year=2025").context["cl"].result_list
    in_2024 = client.get(APPLICATIONS + "?created_at_year=2024").context["cl"].result_list
    assert list(in_2025) == [new]
    assert list(in_2024) == [old]


def test_a_year_that_is_not_a_number_lists_nothing_rather_than_failing(client, staff_user):
    client.force_login(staff_user)
    factories.PlacementFactory()
    response = client.get(PLACEMENTS + "?started_on_year=abc")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []


def test_an_unfiltered_large_table_is_counted_with_the_planner_estimate():
    factories.PlacementFactory()
    with mock.patch.object(admin_paging, "_estimated_rows", return_value=250_000):
        paginator = CheapCountPaginator(Placement.objects.order_by("-started_on", "-id"), 100)
        assert paginator.count == 250_000
        assert paginator.num_pages == 2_500


def test_a_small_table_is_counted_exactly_even_when_the_estimate_is_stale():
    factories.PlacementFactory()
    factories.PlacementFactory()
    with mock.patch.object(admin_paging, "_estimated_rows", return_value=40):
        assert CheapCountPaginator(Placement.objects.all(), 100).count == 2


def test_a_filtered_list_is_counted_exactly_up_to_the_cap(monkeypatch):
    for _ in range(4):
        factories.PlacementFactory()
    filtered = Placement.objects.filter(sector="private")
    assert CheapCountPaginator(filtered, 100).count == 4
    monkeypatch.setattr(admin_paging, "COUNT_CAP", 2)
    assert CheapCountPaginator(filtered, 100).count == 3  # the cap and one more: "more than 2"


@pytest.mark.parametrize("path", [PLACEMENTS, APPLICATIONS, RESIDENTS])
def test_each_row_of_a_long_list_still_has_its_checkbox_for_the_actions(client, staff_user, path):
    client.force_login(staff_user)
    placement = factories.PlacementFactory()
    application = factories.JobApplicationFactory()
    row = {PLACEMENTS: placement, APPLICATIONS: application, RESIDENTS: placement.resident}[path]
    html = client.get(path).content.decode()
    assert f'<input type="checkbox" name="_selected_action" value="{row.pk}" class="action-select"' in html


def test_a_searched_list_is_counted_without_sorting_the_matches(client, staff_user):
    # The order of the rows does not change how many there are; sorting every match before
    # counting them cost a 100,000-resident search (?q=김) several times the scan.
    client.force_login(staff_user)
    factories.ResidentFactory(name="김주민")
    client.get(RESIDENTS + "?q=김")
    response, statements = sql_of(client, RESIDENTS + "?q=김")
    counts = [sql for sql in statements if "COUNT(" in sql]
    assert counts and not [sql for sql in counts if "ORDER BY" in sql]
    assert response.context["cl"].result_count == 1


def test_a_large_tables_estimate_is_read_once_a_minute_and_a_small_ones_every_time(monkeypatch):
    asked = []

    def planner_rows(queryset):
        asked.append(queryset.model)
        return rows

    monkeypatch.setattr(admin_paging, "_planner_rows", planner_rows)
    monkeypatch.setattr(admin_paging, "_estimates", {})
    rows = 250_000
    assert [admin_paging._estimated_rows(Placement.objects.all()) for _ in range(3)] == [250_000] * 3
    assert len(asked) == 1
    monkeypatch.setattr(admin_paging, "_estimates", {})
    rows = 40
    assert [admin_paging._estimated_rows(Placement.objects.all()) for _ in range(3)] == [40] * 3
    assert len(asked) == 4


def test_a_staff_lists_filter_choices_are_read_once_while_kept_then_again(client, staff_user, monkeypatch):
    client.force_login(staff_user)
    factories.ResidentFactory()
    client.get(RESIDENTS)
    _, statements = sql_of(client, RESIDENTS)
    choice_reads = [
        sql
        for sql in statements
        if 'FROM "REFERENCES_ADMINISTRATIVEDONG"' in sql or 'FROM "REFERENCES_PRIORITYGROUP"' in sql
    ]
    assert not choice_reads and not [sql for sql in statements if "MIN(" in sql]
    monkeypatch.setattr(admin_paging, "CHOICES_SECONDS", 0)
    admin_paging.forget_kept_choices()
    client.get(RESIDENTS)
    _, statements = sql_of(client, RESIDENTS)
    assert [sql for sql in statements if "MIN(" in sql]
    assert [sql for sql in statements if 'FROM "REFERENCES_ADMINISTRATIVEDONG"' in sql]
