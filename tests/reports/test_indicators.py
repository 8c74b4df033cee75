"""The dashboard shows the employment rate and employed persons against the plan's indicator
targets, from the year's labour statistics (entered by staff with their source)."""

import pytest

from plans.models import Plan, ProjectTarget, YearPlan
from reports.models import LabourStat
from reports.services import compute_snapshot, store_snapshot
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator_targets(db):
    YearPlan.objects.filter(year=2011).update(employment_rate_target=60.5, employed_target=252_000)
    Plan.objects.filter(first_year=2010).update(employment_rate_target=61.0, employed_growth_target=10_000)
    LabourStat.objects.create(
        year=2011,
        population=422_000,
        economically_active=263_000,
        employed=251_146,
        unemployed=11_854,
        source="통계청 지역별 고용조사 2011",
    )


def test_indicators_compare_the_years_statistics_with_the_plans_targets(indicator_targets):
    indicators = compute_snapshot(2011)["indicators"]
    # 251,146 ÷ 422,000 = 59.51% -> 59.5; growth over 2010 (250,146) = 1,000
    assert indicators["employment_rate"] == 59.5
    assert indicators["employment_rate_target"] == 60.5
    assert (indicators["employed"], indicators["employed_target"]) == (251_146, 252_000)
    assert indicators["employed_growth"] == 1_000
    assert indicators["plan_employment_rate_target"] == 61.0
    assert indicators["plan_employed_growth_target"] == 10_000


def test_the_dashboard_shows_the_indicators_and_the_statistics_source(client, indicator_targets):
    store_snapshot(year=2011)
    client.force_login(factories.manager_user())
    page = client.get("/dashboard/?year=2011").content.decode()
    assert "공통 지표: 고용률과 취업자 수" in page
    assert "<td>59.5%</td><td>60.5%</td><td>61.0%</td>" in page
    assert "통계청 지역별 고용조사 2011" in page


def test_a_programs_row_shows_its_projects_plan_target(client):
    program = factories.ProgramFactory(year=2011, capacity=10)
    ProjectTarget.objects.create(
        year_plan=YearPlan.objects.get(year=2011),
        name="공공근로",
        category=ProjectTarget.Category.MISMATCH,
        sector="public",
        responsible_team="일자리지원과",
        program=program,
        target=8,
    )
    for _ in range(2):
        factories.PlacementFactory(
            sector="public", source="program", program=program, employer=None, started_on="2011-04-01"
        )
    row = next(row for row in compute_snapshot(2011)["programs"] if row["id"] == program.pk)
    assert (row["plan_target"], row["placed"], row["plan_rate"]) == (8, 2, 25.0)
