"""The small pieces every dashboard figure is made of: rates, shares, the median, a sector row."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import connection
from django.db.models import FloatField
from django.db.models.aggregates import Aggregate

from programs.models import ProgramApplication
from reports.models import Target

SECTORS = [Target.Sector.TOTAL, Target.Sector.PUBLIC, Target.Sector.PRIVATE]
RETENTION_MONTHS = [1, 3, 6, 12]
# Program applications that were selected at some point (선발 이후의 모든 상태).
SELECTED_STATUSES = [
    ProgramApplication.Status.SELECTED,
    ProgramApplication.Status.ACTIVE,
    ProgramApplication.Status.COMPLETED,
    ProgramApplication.Status.DROPPED,
]


def achievement_rate(actual, target):
    """Actual as a percentage of target, one decimal; None when there is no target or it is 0."""
    if not target:
        return None
    return float((Decimal(actual) * 100 / Decimal(target)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def share(part, whole):
    """part as a percentage of whole, one decimal; None when whole is 0."""
    return achievement_rate(part, whole)


class PercentileCont(Aggregate):
    """PostgreSQL's percentile_cont(fraction) WITHIN GROUP (ORDER BY expression)."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, fraction, **extra):
        super().__init__(expression, fraction=float(fraction), **extra)


def rounded_wage(median):
    """A median wage as whole won, halves rounded up; None stays None."""
    return None if median is None else int(Decimal(median).quantize(Decimal(1), ROUND_HALF_UP))


def median_monthly_wage(queryset):
    """The median of monthly_wage over a placement queryset, computed in the database."""
    with_wage = queryset.filter(monthly_wage__isnull=False).order_by()
    if connection.vendor == "postgresql":
        return rounded_wage(with_wage.aggregate(median=PercentileCont("monthly_wage", 0.5))["median"])
    # Elsewhere: count, then read the one or two middle wages with OFFSET (never the whole list).
    count = with_wage.count()
    if not count:
        return None
    middle = list(
        with_wage.order_by("monthly_wage").values_list("monthly_wage", flat=True)[
            (count - 1) // 2 : count // 2 + 1
        ]
    )
    return int((Decimal(sum(middle)) / len(middle)).quantize(Decimal(1), ROUND_HALF_UP))


def sector_rows(targets, actuals):
    """Target, actual and rate for the total and each sector."""
    return [
        {
            "sector": sector.value,
            "label": str(sector.label),
            "target": targets.get(sector.value),
            "actual": actuals.get(sector.value, 0),
            "rate": achievement_rate(actuals.get(sector.value, 0), targets.get(sector.value)),
        }
        for sector in SECTORS
    ]


def with_total(by_sector):
    """{"public", "private", "total"} from the counts of each sector."""
    counts = {"public": by_sector.get("public", 0), "private": by_sector.get("private", 0)}
    counts["total"] = counts["public"] + counts["private"]
    return counts


def agreement_figures(row, count):
    """One agreement's row of the dashboard: its local-hire quota (stated, or its planned hires ×
    local share) against the hires counted for it."""
    quota = row["quota_target"]
    if quota is None:
        quota = int(
            (Decimal(row["planned_hires"]) * row["local_hire_share"] / 100).quantize(
                Decimal(1), ROUND_HALF_UP
            )
        )
    return {
        "id": row["id"],
        "title": row["title"],
        "employer": row["employer__name"],
        "starts_on": row["starts_on"].isoformat(),
        "planned_hires": row["planned_hires"],
        "quota": quota,
        "hires": count["hires"],
        "local_hires": count["local_hires"],
        "quota_rate": achievement_rate(count["local_hires"], quota),
        "local_share": share(count["local_hires"], count["hires"]),
        "local_share_target": float(row["local_hire_share"]),
        "year_hires": count["year_hires"],
        "year_local_hires": count["year_local_hires"],
    }
