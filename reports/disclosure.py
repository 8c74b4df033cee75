"""The public disclosure pages (/plans/): each plan's goals, yearly plans and finished years'
results, for anyone. Only counts and targets appear here, never a person."""

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plans import selectors as plan_selectors
from reports import selectors
from reports.services import achievement_rate

SECTOR_LABELS = {"total": _("전체"), "public": _("공공"), "private": _("민간")}


def plan_list():
    """Every plan, oldest first, with its yearly plans."""
    return plan_selectors.plans_with_years()


def plan_or_404(plan_id):
    return get_object_or_404(plan_selectors.plans_with_years(), pk=plan_id)


def plan_results(plan, *, today=None):
    """Per year of the plan: targets, and for each finished year the actual and rate per sector;
    plus the period's cumulative results against the stated totals. One GROUP BY query."""
    today = today or timezone.localdate()
    rows = (
        selectors.actual_placements_between(
            first_year=plan.first_year, last_year=min(plan.last_year, today.year)
        )
        .annotate(start_year=ExtractYear("started_on"))
        .order_by()
        .values("start_year", "sector")
        .annotate(count=Count("pk"))
    )
    actual = {}
    for row in rows:
        counts = actual.setdefault(row["start_year"], {"total": 0, "public": 0, "private": 0})
        counts[row["sector"]] += row["count"]
        counts["total"] += row["count"]
    yearly = {year_plan.year: year_plan for year_plan in plan.yearly_plans.all()}
    years = []
    finished_actual = {"total": 0, "public": 0, "private": 0}
    for year in plan.years:
        targets = plan_selectors.sector_targets(yearly.get(year))
        finished = year < today.year
        sectors = []
        for sector, label in SECTOR_LABELS.items():
            count = actual.get(year, {}).get(sector, 0)
            if finished:
                finished_actual[sector] += count
            sectors.append(
                {
                    "sector": sector,
                    "label": label,
                    "target": targets.get(sector),
                    "actual": count if finished else None,
                    "rate": achievement_rate(count, targets.get(sector)) if finished else None,
                }
            )
        years.append({"year": year, "finished": finished, "year_plan": yearly.get(year), "sectors": sectors})
    stated = plan_selectors.stated_totals(plan)
    sums = {
        sector: sum(plan_selectors.sector_targets(row).get(sector, 0) for row in yearly.values())
        for sector in SECTOR_LABELS
    }
    period = [
        {
            "sector": sector,
            "label": label,
            "stated": stated[sector],
            "yearly_sum": sums[sector],
            "actual": finished_actual[sector],
            "rate": achievement_rate(finished_actual[sector], stated[sector]),
        }
        for sector, label in SECTOR_LABELS.items()
    ]
    return {"years": years, "period": period, "any_finished": any(year["finished"] for year in years)}
