"""The year-end forecast of the current year, per sector and per program.

Method (FORECAST_METHOD, shown on the dashboard): for each earlier year with placements, the share
of that year's placements that had started by today's month and day; the projection is the year
to date divided by the average share, the range the year to date divided by the largest and the
smallest share. Without an earlier year, a plain run rate: the year to date × days in the year ÷
days passed. Two GROUP BY queries; Python only divides.
"""

import calendar
import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from plans import selectors as plan_selectors
from programs.models import Program
from reports import selectors

FORECAST_METHOD = _(
    "연말 예상 실적은 올해 지금까지의 실적을, 지난 해들에 같은 날짜까지 이루어진 실적이 그해 전체에서 "
    "차지한 비율의 평균으로 나눈 값이며(범위는 그 비율의 최대·최소로 나눈 값), 지난 해 실적이 없으면 "
    "지금까지의 하루 평균 실적으로 한 해를 채운 값입니다."
)
SECTOR_KEYS = ("total", "public", "private")


def _whole(value):
    return int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _by_date(today):
    """Placements started on or before today's month and day, in whatever year."""
    return Q(started_on__month__lt=today.month) | Q(
        started_on__month=today.month, started_on__day__lte=today.day
    )


def project(actual_to_date, shares, *, today):
    """(projected, low, high, method) from the year to date and earlier years' shares by date."""
    shares = [share for share in shares if share > 0]
    if shares:
        mean = sum(shares) / len(shares)
        return (
            _whole(Decimal(actual_to_date) / mean),
            _whole(Decimal(actual_to_date) / max(shares)),
            _whole(Decimal(actual_to_date) / min(shares)),
            "seasonal",
        )
    days = 366 if calendar.isleap(today.year) else 365
    passed = (today - datetime.date(today.year, 1, 1)).days + 1
    run_rate = _whole(Decimal(actual_to_date) * days / passed)
    return run_rate, run_rate, run_rate, "run_rate"


def _entry(actual_to_date, shares, target, *, today, threshold):
    projected, low, high, method = project(actual_to_date, shares, today=today)
    return {
        "actual_to_date": actual_to_date,
        "projected": projected,
        "low": low,
        "high": high,
        "target": target,
        "projected_rate": None if not target else round(projected * 100 / target, 1),
        "below_threshold": bool(target) and projected * 100 < target * threshold,
        "method": method,
        "history_years": len([share for share in shares if share > 0]),
    }


def _shares(rows, key_fields, year):
    """{key: {year: (by_date, whole_year)}} → {key: [share of each earlier year]}."""
    result = {}
    for row in rows:
        key = tuple(row[field] for field in key_fields)
        if row["start_year"] < year and row["whole"]:
            result.setdefault(key, []).append(Decimal(row["by_date"]) / row["whole"])
    return result


def compute_forecast(year, *, today, threshold=None):
    """The forecast dict stored in the current year's snapshot."""
    threshold = settings.FORECAST_WARNING_SHARE if threshold is None else threshold
    by_date = _by_date(today)
    placements = selectors.actual_placements_between(first_year=None, last_year=year).filter(
        Q(started_on__year__lt=year) | Q(started_on__lte=today)
    )
    sector_rows = list(
        placements.annotate(start_year=ExtractYear("started_on"))
        .order_by()
        .values("start_year", "sector")
        .annotate(whole=Count("pk"), by_date=Count("pk", filter=by_date))
    )
    totals = {}
    for row in sector_rows:
        total = totals.setdefault(
            row["start_year"], {"start_year": row["start_year"], "sector": "total", "whole": 0, "by_date": 0}
        )
        total["whole"] += row["whole"]
        total["by_date"] += row["by_date"]
    all_rows = sector_rows + list(totals.values())
    shares = _shares(all_rows, ["sector"], year)
    to_date = {row["sector"]: row["by_date"] for row in all_rows if row["start_year"] == year}
    targets = plan_selectors.sector_targets(plan_selectors.year_plan(year))
    sectors = [
        {
            "sector": sector,
            **_entry(
                to_date.get(sector, 0),
                shares.get((sector,), []),
                targets.get(sector),
                today=today,
                threshold=threshold,
            ),
        }
        for sector in SECTOR_KEYS
    ]

    # Programs: a program runs for one year; its shape is that of earlier programs of its kind.
    kind_rows = list(
        placements.filter(program__isnull=False, started_on__year__lt=year)
        .annotate(start_year=ExtractYear("started_on"))
        .order_by()
        .values("start_year", "program__kind")
        .annotate(whole=Count("pk"), by_date=Count("pk", filter=by_date))
    )
    kind_shares = _shares(kind_rows, ["program__kind"], year)
    program_targets = plan_selectors.program_targets(year)
    program_to_date = dict(
        placements.filter(program__isnull=False, started_on__year=year)
        .order_by()
        .values("program_id")
        .annotate(count=Count("pk"))
        .values_list("program_id", "count")
    )
    programs = []
    for program in (
        Program.objects.filter(year=year).order_by("kind", "name").values("id", "name", "kind", "capacity")
    ):
        target = program_targets.get(program["id"], program["capacity"])
        shape = kind_shares.get((program["kind"],), [])
        programs.append(
            {
                "id": program["id"],
                "name": program["name"],
                **_entry(
                    program_to_date.get(program["id"], 0), shape, target, today=today, threshold=threshold
                ),
            }
        )
    return {
        "as_of": today.isoformat(),
        "threshold": threshold,
        "method": str(FORECAST_METHOD),
        "sectors": sectors,
        "programs": programs,
    }
