"""Each breakdown of a snapshot equals what a person counts by hand (see conftest.py)."""

import pytest

from plans.models import YearPlan
from reports.selectors import actual_placements
from reports.services import achievement_rate, compute_snapshot, median_monthly_wage
from tests import factories

pytestmark = pytest.mark.django_db


def by_key(rows, key):
    return {row[key]: row for row in rows}


def test_actual_is_placements_whose_start_date_falls_in_the_year(hand_counted):
    assert set(actual_placements(2011)) == {
        hand_counted.p1,
        hand_counted.p2,
        hand_counted.p3,
        hand_counted.p4,
        hand_counted.p5,
        hand_counted.p6,
    }


def test_sectors_compare_the_years_actual_with_its_target(hand_counted):
    sectors = compute_snapshot(2011)["sectors"]
    assert [(row["sector"], row["target"], row["actual"], row["rate"]) for row in sectors] == [
        ("total", 3810, 6, 0.2),
        ("public", 2550, 2, 0.1),
        ("private", 1260, 4, 0.3),
    ]


def test_yearly_series_runs_from_the_plans_first_year_to_the_snapshot_year(hand_counted):
    by_year = compute_snapshot(2011)["by_year"]
    assert [row["year"] for row in by_year] == [2010, 2011]
    assert [(s["sector"], s["target"], s["actual"]) for s in by_year[0]["sectors"]] == [
        ("total", 4350, 2),
        ("public", 3250, 1),
        ("private", 1100, 1),
    ]


def test_cumulative_progress_counts_2010_to_the_year_against_the_stated_18640(hand_counted):
    cumulative = compute_snapshot(2011)["cumulative"]
    assert (cumulative["first_year"], cumulative["last_year"]) == (2010, 2011)
    total, public, private = cumulative["sectors"]
    assert (total["target"], total["actual"], total["rate"]) == (18640, 8, 0.0)
    assert (public["target"], public["actual"]) == (12850, 3)
    assert (private["target"], private["actual"]) == (5790, 5)
    # The plan's yearly rows add up to 18,650 (private 5,800): shown beside the stated sums.
    assert (total["yearly_targets_sum"], private["yearly_targets_sum"]) == (18650, 5800)
    assert total["target_to_date"] == 4350 + 3810


def test_cumulative_stops_at_the_plans_last_year(hand_counted):
    cumulative = compute_snapshot(2016)["cumulative"]
    assert cumulative["last_year"] == 2014
    assert cumulative["sectors"][0]["actual"] == 9


def test_programs_show_capacity_applied_selected_and_placed(hand_counted):
    programs = compute_snapshot(2011)["programs"]
    assert [(p["name"], p["capacity"], p["applied"], p["selected"], p["placed"]) for p in programs] == [
        ("2011 공공근로", 10, 3, 2, 2)
    ]


def test_agreements_count_local_hires_against_quota_and_share(hand_counted):
    agreements = by_key(compute_snapshot(2011)["agreements"], "id")
    mine = agreements[hand_counted.agreement.pk]
    assert (mine["quota"], mine["hires"], mine["local_hires"], mine["quota_rate"]) == (50, 3, 2, 4.0)
    assert (mine["local_share"], mine["local_share_target"]) == (66.7, 50.0)
    assert (mine["year_hires"], mine["year_local_hires"]) == (2, 1)


def test_dcube_city_is_measured_against_its_500_local_hires(hand_counted):
    agreements = compute_snapshot(2011)["agreements"]
    dcube = next(a for a in agreements if a["employer"] == "대성 디큐브시티")
    assert (dcube["quota"], dcube["local_hires"], dcube["quota_rate"], dcube["local_share_target"]) == (
        500,
        0,
        0.0,
        50.0,
    )


def test_digital_valley_counts_guro_residents_hired_by_valley_firms_against_6000(hand_counted):
    valley = compute_snapshot(2011)["digital_valley"]
    assert (valley["target"], valley["actual"], valley["year_actual"], valley["rate"]) == (6000, 2, 1, 0.0)


def test_dongs_count_placements_by_dong_at_hire_with_zeros_and_outside_guro(hand_counted):
    snapshot = compute_snapshot(2011)
    dongs = by_key(snapshot["dongs"], "name")
    assert len(dongs) == 16
    assert (dongs["구로3동"]["total"], dongs["구로3동"]["public"], dongs["구로3동"]["private"]) == (3, 1, 2)
    assert (dongs["신도림동"]["total"], dongs["신도림동"]["public"], dongs["신도림동"]["private"]) == (
        2,
        1,
        1,
    )
    assert dongs["항동"]["total"] == 0
    assert snapshot["outside_guro"] == {"total": 1, "public": 0, "private": 1}


def test_priority_groups_count_each_group_a_placement_held(hand_counted):
    groups = by_key(compute_snapshot(2011)["priority_groups"], "code")
    assert (groups["basic_livelihood"]["total"], groups["basic_livelihood"]["public"]) == (2, 2)
    assert groups["single_parent"]["total"] == 1
    assert groups["senior"]["total"] == 0


def test_retention_counts_follow_ups_of_the_years_placements(hand_counted):
    retention = compute_snapshot(2011)["retention"]
    assert [(r["months"], r["scheduled"], r["checked"], r["retained"], r["rate"]) for r in retention] == [
        (1, 2, 2, 2, 100.0),
        (3, 2, 1, 0, 0.0),
        (6, 0, 0, 0, None),
        (12, 0, 0, 0, None),
    ]


def test_median_wage_is_the_middle_wage_of_the_years_placements(hand_counted):
    # 1.0M, 1.2M, 2.0M, 2.5M, 2.8M (p6 has no wage).
    assert compute_snapshot(2011)["median_wage"] == 2_000_000


def test_median_wage_of_an_even_count_is_the_mean_of_the_two_middle_wages(hand_counted):
    factories.PlacementFactory(started_on=hand_counted.p1.started_on, monthly_wage=2_300_000)
    assert median_monthly_wage(actual_placements(2011)) == 2_150_000


def test_funnel_counts_applicants_referrals_and_hires_in_the_year(hand_counted):
    assert compute_snapshot(2011)["funnel"] == {
        "applicants": 4,
        "job_applications": 2,
        "program_applications": 3,
        "referrals": 1,
        "hires": 6,
    }


def test_labour_statistics_of_the_year_where_known(hand_counted):
    assert compute_snapshot(2011)["labour_stats"] is None
    stats = compute_snapshot(2010)["labour_stats"]
    assert (stats["population"], stats["employed"], stats["unemployed"], stats["unemployment_rate"]) == (
        421115,
        250146,
        11787,
        4.5,
    )


def test_a_year_with_no_placements_has_zero_actuals_and_no_median(db):
    snapshot = compute_snapshot(2013)
    assert [(r["target"], r["actual"], r["rate"]) for r in snapshot["sectors"]] == [
        (3510, 0, 0.0),
        (2350, 0, 0.0),
        (1160, 0, 0.0),
    ]
    assert snapshot["median_wage"] is None
    assert snapshot["funnel"]["applicants"] == 0
    assert all(row["total"] == 0 for row in snapshot["dongs"])
    assert all(row["rate"] is None for row in snapshot["retention"])


def test_a_year_without_a_target_shows_actual_and_no_rate(hand_counted):
    factories.PlacementFactory(started_on="2020-02-02", sector="public")
    sectors = compute_snapshot(2020)["sectors"]
    assert [(r["target"], r["actual"], r["rate"]) for r in sectors] == [
        (None, 1, None),
        (None, 1, None),
        (None, 0, None),
    ]


def test_rate_is_empty_not_infinite_when_the_target_is_zero(hand_counted):
    YearPlan.objects.filter(year=2011).update(private_target=0)
    private = compute_snapshot(2011)["sectors"][2]
    assert (private["target"], private["actual"], private["rate"]) == (0, 4, None)
    assert achievement_rate(0, 0) is None


def test_snapshot_is_plain_json(hand_counted):
    import json

    data = compute_snapshot(2011)
    assert json.loads(json.dumps(data)) == data


def test_number_of_queries_does_not_grow_with_placements(hand_counted):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        compute_snapshot(2011)
    for _ in range(20):
        factories.PlacementFactory(started_on="2011-05-05")
    with CaptureQueriesContext(connection) as many:
        compute_snapshot(2011)
    assert len(many) == len(few) <= 22  # + the plan and the indicator targets
