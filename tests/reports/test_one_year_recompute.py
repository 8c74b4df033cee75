"""One year's recompute (the live current year) uses the same one-pass reads as all years,
restricted to the year: a fixed handful of queries, however many programs, agreements or
earlier years there are, and exactly the figures the all-years pass stores."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from placements.models import Placement
from reports.models import DashboardSnapshot
from reports.services import OnePassReads, compute_snapshot, store_all_snapshots, store_snapshot
from tests import factories

pytestmark = pytest.mark.django_db


def queries_for_one_year(year):
    with CaptureQueriesContext(connection) as captured:
        compute_snapshot(year)
    return len(captured)


def test_one_years_queries_do_not_grow_with_programs_agreements_or_earlier_years(hand_counted):
    before = queries_for_one_year(2011)
    for n in range(5):
        program = factories.ProgramFactory(name=f"2011 사업 {n}", year=2011, capacity=5, sector="public")
        factories.ProgramApplicationFactory(program=program)
        factories.PlacementFactory(
            sector="public",
            source=Placement.Source.PROGRAM,
            program=program,
            employer=None,
            started_on=datetime.date(2011, 5, n + 1),
        )
        agreement = factories.AgreementFactory(
            starts_on=datetime.date(2008 - n, 1, 1), signed_on=datetime.date(2008 - n, 1, 1)
        )
        factories.PlacementFactory(
            sector="private",
            source=Placement.Source.AGREEMENT,
            agreement=agreement,
            employer=None,
            started_on=datetime.date(2005 + n, 3, 1),
        )
    assert queries_for_one_year(2011) == before


def test_the_year_stored_alone_equals_the_year_stored_with_all_the_others(hand_counted):
    store_all_snapshots()
    with_all = {snapshot.year: snapshot.data for snapshot in DashboardSnapshot.objects.all()}
    for year, data in with_all.items():
        assert store_snapshot(year=year).data == data, year


def test_the_reads_of_one_year_refuse_to_answer_for_another(hand_counted):
    reads = OnePassReads(year=2011)
    assert reads.dongs_of(2011)
    with pytest.raises(ValueError):
        reads.dongs_of(2012)
