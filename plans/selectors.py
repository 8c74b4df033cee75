"""Reads of the plans: which plan covers a year, and the targets each year carries."""

from django.db.models import Prefetch, Sum

from plans.models import Plan, ProjectTarget, YearPlan

SECTORS = ("total", "public", "private")


def plan_for_year(year):
    """The comprehensive plan whose term covers the year, or None."""
    return Plan.objects.filter(first_year__lte=year, last_year__gte=year).order_by("first_year").first()


def plan_for_progress(year):
    """The plan whose cumulative progress a year's dashboard shows: the one covering the year,
    else the latest plan that ended before it, else None."""
    return plan_for_year(year) or Plan.objects.filter(last_year__lt=year).order_by("-last_year").first()


def year_plan(year):
    """The yearly detailed plan of a year, or None."""
    return YearPlan.objects.filter(year=year).select_related("plan").first()


def sector_targets(year_plan_row):
    """{"total", "public", "private"} of a yearly plan (values() row or model), {} for None."""
    if year_plan_row is None:
        return {}
    if isinstance(year_plan_row, dict):
        return {sector: year_plan_row[f"{sector}_target"] for sector in SECTORS}
    return {sector: getattr(year_plan_row, f"{sector}_target") for sector in SECTORS}


def sector_targets_by_year():
    """{year: {"total", "public", "private"}} for every yearly plan (one query)."""
    rows = YearPlan.objects.order_by("year").values("year", "total_target", "public_target", "private_target")
    return {row["year"]: sector_targets(row) for row in rows}


def target_years():
    """Every year that has a yearly plan (a target)."""
    return list(YearPlan.objects.order_by("year").values_list("year", flat=True))


def stated_totals(plan):
    """The plan's stated period totals per sector (as the plan states them; None if not stated)."""
    return {"total": plan.stated_total, "public": plan.stated_public, "private": plan.stated_private}


def yearly_sums(plan):
    """The sums of the plan's yearly rows per sector."""
    sums = plan.yearly_plans.aggregate(
        total=Sum("total_target"), public=Sum("public_target"), private=Sum("private_target")
    )
    return {sector: sums[sector] or 0 for sector in SECTORS}


def program_targets(year):
    """{program id: target} of the projects linked to the year's programs."""
    return dict(
        ProjectTarget.objects.filter(
            year_plan__year=year, program__isnull=False, target__isnull=False
        ).values_list("program_id", "target")
    )


def plans_with_years():
    """Every plan with its yearly plans and their projects, prefetched (three queries)."""
    return Plan.objects.order_by("first_year").prefetch_related(
        Prefetch(
            "yearly_plans",
            queryset=YearPlan.objects.order_by("year").prefetch_related(
                Prefetch("projects", queryset=ProjectTarget.objects.order_by("category", "name"))
            ),
        )
    )


def indicator_targets(year, *, plan=None):
    """The plan's indicator targets for a year: employment rate and employed persons."""
    row = year_plan(year)
    plan = row.plan if row else (plan if plan and plan.first_year <= year <= plan.last_year else None)
    if plan is None:
        return None
    return {
        "plan_id": plan.pk,
        "employment_rate_target": _float(row.employment_rate_target if row else None),
        "employed_target": row.employed_target if row else None,
        "plan_employment_rate_target": _float(plan.employment_rate_target),
        "plan_employed_growth_target": plan.employed_growth_target,
    }


def _float(value):
    return None if value is None else float(value)
