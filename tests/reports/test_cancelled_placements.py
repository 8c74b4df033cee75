"""A cancelled (corrected) hire counts in no dashboard figure: "actual" is only standing placements.
The hand-counted set is in conftest.py; here p5 (private, 2011-07-01, Digital Valley firm, 구로3동,
wage 2,000,000, two retention checks) is cancelled and every figure it was in drops by one."""

import pytest

from placements.services import cancel_hire
from reports.selectors import actual_placements
from reports.services import compute_snapshot
from tests import factories

pytestmark = pytest.mark.django_db


def cancel(placement):
    cancel_hire(
        placement=placement, by=factories.staff_user("fix@guro.go.kr"), reason="잘못 기록", as_staff=True
    )


def test_actual_leaves_out_a_cancelled_placement(hand_counted):
    cancel(hand_counted.p5)
    assert set(actual_placements(2011)) == {
        hand_counted.p1,
        hand_counted.p2,
        hand_counted.p3,
        hand_counted.p4,
        hand_counted.p6,
    }


def test_dashboard_figures_drop_a_cancelled_hire(hand_counted):
    before = compute_snapshot(2011)
    cancel(hand_counted.p5)
    after = compute_snapshot(2011)
    sectors_before = {row["sector"]: row["actual"] for row in before["sectors"]}
    sectors_after = {row["sector"]: row["actual"] for row in after["sectors"]}
    assert sectors_before == {"total": 6, "public": 2, "private": 4}
    assert sectors_after == {"total": 5, "public": 2, "private": 3}
    total_before = before["cumulative"]["sectors"][0]["actual"]
    assert (total_before, after["cumulative"]["sectors"][0]["actual"]) == (8, 7)
    dongs_before = {row["name"]: row["total"] for row in before["dongs"]}
    dongs_after = {row["name"]: row["total"] for row in after["dongs"]}
    assert dongs_after["구로3동"] == dongs_before["구로3동"] - 1
    assert after["digital_valley"] != before["digital_valley"]
    retention_after = {row["months"]: row for row in after["retention"]}
    assert retention_after[1]["scheduled"] == 1  # only p1's 1-month check is left (p5's went with it)
