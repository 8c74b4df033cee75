"""Every fresh database holds the plan's own figures (구로구 일자리 창출 계획, 2010)."""

import pytest

from employers.models import Agreement
from plans.models import Plan, ProjectTarget, YearPlan
from programs.models import Program
from references.models import AdministrativeDong
from reports.models import LabourStat, Target

pytestmark = pytest.mark.django_db

PLAN_TARGETS = {
    2010: (4350, 3250, 1100),
    2011: (3810, 2550, 1260),
    2012: (3620, 2450, 1170),
    2013: (3510, 2350, 1160),
    2014: (3360, 2250, 1110),
}


def sector_targets():
    return {
        (row.year, sector): row.target(sector)
        for row in YearPlan.objects.filter(plan__first_year=2010)
        for sector in ("total", "public", "private")
    }


def test_each_year_has_the_plans_total_public_and_private_targets():
    targets = sector_targets()
    for year, (total, public, private) in PLAN_TARGETS.items():
        assert targets[(year, "total")] == total
        assert targets[(year, "public")] == public
        assert targets[(year, "private")] == private


def test_each_years_total_is_public_plus_private():
    targets = sector_targets()
    for year in PLAN_TARGETS:
        assert targets[(year, "total")] == targets[(year, "public")] + targets[(year, "private")]


def test_the_plan_period_totals_are_stored_as_the_plan_states_them():
    plan = Plan.objects.get(first_year=2010)
    assert (plan.last_year, plan.term) == (2014, "민선 5기")
    assert (plan.stated_total, plan.stated_public, plan.stated_private) == (18_640, 12_850, 5_790)


def test_the_2010_programs_are_the_2010_yearly_plans_projects_with_their_capacities():
    projects = {p.program.code: p for p in ProjectTarget.objects.filter(year_plan__year=2010)}
    assert projects["2010-public-works"].target == 580
    assert projects["2010-hope-work"].target == 800
    assert projects["2010-self-sufficiency-senior"].target == 1500
    assert projects["2010-youth-internship"].target is None
    assert {p.category for p in projects.values()} <= set(ProjectTarget.Category.values)
    assert all(p.responsible_team for p in projects.values())


def test_yearly_public_targets_add_up_to_the_stated_12850():
    targets = sector_targets()
    assert sum(targets[(y, "public")] for y in PLAN_TARGETS) == 12_850


def test_yearly_private_targets_add_up_to_5800_ten_more_than_the_plans_stated_5790():
    # The plan's own table: its yearly rows are kept as written; the sums differ by 10.
    targets = sector_targets()
    assert sum(targets[(y, "private")] for y in PLAN_TARGETS) == 5_800
    assert sum(targets[(y, "total")] for y in PLAN_TARGETS) == 18_650


def test_public_programs_have_the_plans_capacities():
    capacity = {p.code: p.capacity for p in Program.objects.filter(year=2010)}
    assert capacity["2010-public-works"] == 580
    assert capacity["2010-hope-work"] == 800
    # 자활근로 and 노인일자리 share the plan's one figure: a pool of 1,500 places.
    shared = Program.objects.get(code="2010-self-sufficiency-senior").place_pool
    assert shared.capacity == 1500
    assert set(shared.programs.values_list("code", flat=True)) == {
        "2010-self-sufficiency-senior",
        "2010-self-sufficiency",
    }
    # The plan gives no figure for these: left for staff to set, not invented.
    assert capacity["2010-youth-internship"] is None
    assert capacity["2010-community-jobs"] is None


def test_public_works_is_for_guro_residents_18_and_over_without_work_or_regular_income():
    program = Program.objects.get(code="2010-public-works")
    assert program.min_age == 18
    assert program.requires_guro_residency
    assert set(program.allowed_employment_statuses) == {"unemployed", "no_regular_income"}


def test_community_jobs_rank_parents_raising_children_first():
    program = Program.objects.get(code="2010-community-jobs")
    weights = {w.priority_group.code: w.points for w in program.priority_weights.all()}
    assert max(weights, key=weights.get) == "raising_children"


def test_dcube_city_agreement_is_500_local_hires_of_1000():
    agreement = Agreement.objects.get(employer__name="대성 디큐브시티")
    assert agreement.planned_hires == 1000
    assert agreement.local_hire_share == 50
    assert agreement.local_hire_quota == 500


def test_digital_valley_aims_for_at_least_6000_local_hires():
    target = Target.objects.get(scope=Target.Scope.DIGITAL_VALLEY)
    assert target.count == 6000
    assert target.sector == "private"


def test_2010_labour_statistics_match_table_1():
    stat = LabourStat.objects.get(year=2010)
    assert stat.population == 421_115
    assert stat.economically_active == 261_933
    assert stat.employed == 250_146
    assert stat.unemployed == 11_787
    assert stat.economically_inactive == 159_182
    assert stat.unemployment_rate == 4.5
    assert float(stat.national_unemployment_rate) == 3.9


def test_guro_has_its_16_administrative_dongs():
    names = list(AdministrativeDong.objects.values_list("name", flat=True))
    assert len(names) == 16
    assert names[0] == "신도림동"
    assert {"구로1동", "구로5동", "가리봉동", "개봉3동", "오류2동", "수궁동", "항동"} <= set(names)
