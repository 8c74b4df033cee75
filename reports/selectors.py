"""Reads for the dashboards. What counts as an "actual" placement is defined here, once."""

import datetime
from dataclasses import dataclass

from django.db import connections, router
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from placements.models import Placement
from plans import selectors as plan_selectors
from plans.models import YearPlan
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


@dataclass(frozen=True)
class DashboardHeader:
    """What the dashboard page needs besides the figures: the year's stored snapshot without its
    figures (read when first used; None if there is none) and the years offered in the picker."""

    snapshot: DashboardSnapshot | None
    years: list


def dashboard_header(year):
    """The year's snapshot header and the year list (dashboard_years) in one query: the dashboard
    asks for both on every view."""
    database, years, snapshots = _years_and_snapshots(include_placement_years=True)
    snapshot = None
    if year in snapshots:
        snapshot_id, computed_at = snapshots[year]
        # As .defer("data") gives it: the figures are read from the database when first used.
        snapshot = DashboardSnapshot.from_db(
            database.alias, ["id", "year", "computed_at"], [snapshot_id, year, _as_datetime(computed_at)]
        )
    return DashboardHeader(snapshot=snapshot, years=sorted(years))


def dashboard_years(*, include_placement_years=True):
    """Years a dashboard is offered for: every year with a yearly plan (a target), a stored
    snapshot or any placement. Placement years are the span from the first to the last start date:
    two ends of the indexed start date, where a DISTINCT over the dates would read every row."""
    return sorted(_years_and_snapshots(include_placement_years=include_placement_years)[1])


def _years_and_snapshots(*, include_placement_years):
    """One plain query, a UNION ALL of the sources (building the same union with the ORM cost the
    dashboard more CPU than the rest of its queries together). Each row is a year (a plan's, or a
    snapshot's with its id and computation time) or a start date at one end of the placements'
    span. Returns the database read, the set of years and {year: (snapshot id, computed_at)}."""
    database = connections[router.db_for_read(DashboardSnapshot)]  # the replica where the page reads
    quote = database.ops.quote_name
    year, none = quote("year"), "CAST(NULL AS INTEGER)"
    no_date, no_time = "CAST(NULL AS DATE)", "CAST(NULL AS TIMESTAMP)"
    sources = [
        f"SELECT {year}, {no_date}, {quote('id')}, {quote('computed_at')} "
        f"FROM {quote(DashboardSnapshot._meta.db_table)}",
        f"SELECT {year}, {no_date}, {none}, {no_time} FROM {quote(YearPlan._meta.db_table)}",
    ]
    if include_placement_years:
        table, started_on = quote(Placement._meta.db_table), quote("started_on")
        sources += [
            f"SELECT {none}, MIN({started_on}), {none}, {no_time} FROM {table}",
            f"SELECT {none}, MAX({started_on}), {none}, {no_time} FROM {table}",
        ]
    years, snapshots, dates = set(), {}, []
    with database.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(sources))
        for row_year, started_on, snapshot_id, computed_at in cursor.fetchall():
            if snapshot_id is not None:
                snapshots[int(row_year)] = (snapshot_id, computed_at)
            if row_year is not None:
                years.add(int(row_year))
            elif started_on is not None:
                dates.append(_as_date(started_on))
    if dates:
        years.update(range(min(dates).year, max(dates).year + 1))
    return database, years, snapshots


def _as_date(value):
    """A start date as the database driver gives it (SQLite: an ISO string)."""
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value)[:10])


def _as_datetime(value):
    """A computation time as the driver gives it (PostgreSQL: aware, in UTC; SQLite: a string)."""
    if not isinstance(value, datetime.datetime):
        value = parse_datetime(str(value))
    return value if timezone.is_aware(value) else timezone.make_aware(value, datetime.UTC)


def year_has_figures(year):
    """Whether a year is worth computing: it has a yearly plan or a placement started in it."""
    return year in plan_selectors.target_years() or actual_placements(year).exists()
