"""Recomputing every year at once reads each source once and gives the per-year figures."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports import selectors
from reports.models import DashboardSnapshot
from reports.services import compute_snapshot, store_all_snapshots

pytestmark = pytest.mark.django_db


def test_all_years_in_one_pass_give_exactly_each_years_own_figures(hand_counted):
    years = store_all_snapshots()
    assert years == selectors.dashboard_years(include_placement_years=True)
    assert len(years) > 1
    for year in years:
        stored = DashboardSnapshot.objects.get(year=year).data
        assert stored == compute_snapshot(year), year


def test_all_years_cost_a_few_queries_per_year_not_one_pass_per_breakdown(hand_counted):
    with CaptureQueriesContext(connection) as one_pass:
        years = store_all_snapshots()
    with CaptureQueriesContext(connection) as one_year:
        compute_snapshot(years[0])
    assert len(one_pass) < len(one_year) * len(years)
