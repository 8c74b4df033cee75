"""Reads for the dashboards. What counts as an "actual" placement is defined here, once."""

import datetime

from django.db.models import Max, Min, Q
from django.utils.translation import gettext_lazy as _

from placements.models import Placement
from plans import selectors as plan_selectors
from reports.models import DashboardSnapshot

# Shown on the dashboard page, in the exports and in the API, word for word.
ACTUAL_DEFINITION = _(
    "실적은 근무 시작일이 해당 연도(1월 1일~12월 31일)에 속하는 취업·참여 실적의 건수입니다. "
    "부문(공공·민간)은 실적에 기록된 부문을 따르고, 전체는 두 부문의 합입니다. "
    "채용 공고·업무제휴 협약·일자리 사업 어느 경로로 취업했든 한 사람의 한 번 취업을 한 건으로 셉니다. "
    "잘못 기록되어 취소(정정)된 채용은 세지 않습니다."
)


def actual_q(*, first_year, last_year, prefix=""):
    """The one rule for "actual": a standing (not cancelled) placement whose start date falls in
    [first_year, last_year].

    `prefix` lets a query from a related model (a dong, a priority group) apply the same rule
    to its placements, e.g. prefix="placements__".
    """
    conditions = {f"{prefix}status": Placement.Status.STANDING}  # a cancelled (corrected) hire never counts
    if first_year is not None:
        conditions[f"{prefix}started_on__gte"] = datetime.date(first_year, 1, 1)
    if last_year is not None:
        conditions[f"{prefix}started_on__lte"] = datetime.date(last_year, 12, 31)
    return Q(**conditions)


def actual_placements(year):
    """Placements that count as the year's actual: their start date falls in that year."""
    return actual_placements_between(first_year=year, last_year=year)


def actual_placements_between(*, first_year, last_year):
    """Placements that count as actual for any year from first_year to last_year (None: open)."""
    return Placement.objects.filter(actual_q(first_year=first_year, last_year=last_year))


def actual_admin_filters(*, first_year, last_year):
    """The same rule as admin changelist query parameters, for drill-down links."""
    if first_year == last_year and first_year is not None:
        return {"started_on__year": first_year, "status__exact": Placement.Status.STANDING}
    params = {"status__exact": Placement.Status.STANDING}
    if first_year is not None:
        params["started_on__gte"] = datetime.date(first_year, 1, 1).isoformat()
    if last_year is not None:
        params["started_on__lte"] = datetime.date(last_year, 12, 31).isoformat()
    return params


def snapshot_for_year(year):
    """The stored snapshot of a year, or None."""
    return DashboardSnapshot.objects.filter(year=year).first()


def snapshot_header(year):
    """The stored snapshot of a year without its figures (read when first used), or None."""
    return DashboardSnapshot.objects.filter(year=year).defer("data").first()


def dashboard_years(*, include_placement_years=True):
    """Years a dashboard is offered for: every year with a yearly plan (a target), a stored
    snapshot or any placement. Placement years are the span from the first to the last start date:
    two ends of the indexed start date, where a DISTINCT over the dates would read every row."""
    years = set(plan_selectors.target_years())
    years.update(DashboardSnapshot.objects.values_list("year", flat=True))
    if include_placement_years:
        span = Placement.objects.order_by().aggregate(first=Min("started_on"), last=Max("started_on"))
        if span["first"] is not None:
            years.update(range(span["first"].year, span["last"].year + 1))
    return sorted(years)


def year_has_figures(year):
    """Whether a year is worth computing: it has a yearly plan or a placement started in it."""
    return year in plan_selectors.target_years() or actual_placements(year).exists()
