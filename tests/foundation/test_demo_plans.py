"""The demo at the plan's scale: 2010–2014 actuals at 80–120% of each target (some missed),
and a current-term example plan, labelled as such, with data up to today."""

import datetime

import pytest

from guro_jobs.demo import DemoCounts, seed_demo, seed_plan_scale
from plans.models import Plan
from reports.forecast import compute_forecast
from reports.services import compute_snapshot

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 29)
SMALL = {"residents": 120, "employers": 8, "vacancies": 30, "applications": 60, "program_applications": 60}


@pytest.fixture(scope="module")
def plan_scale_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            seed_demo(counts=DemoCounts(**SMALL, placements=90), seed=4, today=TODAY)
            seed_plan_scale(seed=4, today=TODAY)
            yield
            transaction.set_rollback(True)


def test_each_plan_years_actual_per_sector_is_within_80_to_120_percent_with_some_missed(plan_scale_demo):
    rates = []
    for year in range(2010, 2015):
        for row in compute_snapshot(year, today=TODAY)["sectors"]:
            assert 80 <= row["rate"] <= 120, (year, row)
            rates.append(row["rate"])
    assert min(rates) < 90 and max(rates) > 100


def test_the_example_plan_is_labelled_and_covers_this_year_with_data_up_to_today(plan_scale_demo, client):
    plan = Plan.objects.get(is_example=True)
    assert plan.first_year <= TODAY.year <= plan.last_year
    assert "예시" in plan.title and "예시" in str(plan)
    assert plan.yearly_plans.get(year=TODAY.year).projects.count() == 8
    forecast = compute_forecast(TODAY.year, today=TODAY)
    private = next(row for row in forecast["sectors"] if row["sector"] == "private")
    assert private["actual_to_date"] > 0 and private["below_threshold"]
