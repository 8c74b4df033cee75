"""One year's dashboard snapshot, computed from the one-pass reads (see one_pass.py)."""

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from plans import selectors as plan_selectors
from reports import selectors
from reports.forecast import compute_forecast
from reports.models import LabourStat
from reports.services.figures import SECTORS, achievement_rate, sector_rows, share, with_total
from reports.services.one_pass import OnePassReads


def _sectors_and_years(year, plan, reads):
    """Target vs actual per sector, for the year and for each year of the series, plus the
    cumulative progress over the plan that covers the year (else the latest earlier plan).
    Targets come from the yearly plans; actual from the rows already read."""
    yearly_targets = reads.yearly_targets
    plan_first = plan.first_year if plan else year
    plan_last_year = plan.last_year if plan else year
    first_year = min([*yearly_targets, year, plan_first])
    series_years = sorted({y for y in yearly_targets if y <= year} | {year})
    actual_by_year = reads.actual_by_year(first_year, year)

    by_year = [
        {
            "year": series_year,
            "sectors": sector_rows(
                yearly_targets.get(series_year, {}), with_total(actual_by_year.get(series_year, {}))
            ),
        }
        for series_year in series_years
    ]

    plan_last = min(year, plan_last_year)
    cumulative_actual = {sector.value: 0 for sector in SECTORS}
    cumulative_yearly_target = {sector.value: 0 for sector in SECTORS}
    for plan_year in range(plan_first, plan_last + 1):
        for sector, count in with_total(actual_by_year.get(plan_year, {})).items():
            cumulative_actual[sector] += count
        for sector in cumulative_actual:
            cumulative_yearly_target[sector] += yearly_targets.get(plan_year, {}).get(sector, 0)
    yearly_sum = {
        sector.value: sum(
            yearly_targets.get(y, {}).get(sector.value, 0) for y in range(plan_first, plan_last_year + 1)
        )
        for sector in SECTORS
    }
    stated = plan_selectors.stated_totals(plan) if plan else {}
    cumulative = {
        "plan_id": plan.pk if plan else None,
        "plan_title": plan.title if plan else None,
        "first_year": plan_first,
        "last_year": plan_last,
        "plan_last_year": plan_last_year,
        "sectors": [
            {
                **row,
                "yearly_targets_sum": yearly_sum[row["sector"]],
                "target_to_date": cumulative_yearly_target[row["sector"]],
            }
            for row in sector_rows(stated, cumulative_actual)
        ],
    }
    this_year = sector_rows(yearly_targets.get(year, {}), with_total(actual_by_year.get(year, {})))
    return this_year, by_year, cumulative


def _labour_stats(year):
    """The year's labour statistics: the annual figure, else the latest month known."""
    stat = LabourStat.objects.filter(year=year).order_by(F("month").desc(nulls_first=True)).first()
    if stat is None:
        return None
    return {
        "year": stat.year,
        "month": stat.month,
        "population": stat.population,
        "economically_active": stat.economically_active,
        "economically_inactive": stat.economically_inactive,
        "employed": stat.employed,
        "unemployed": stat.unemployed,
        "unemployment_rate": stat.unemployment_rate,
        "national_unemployment_rate": (
            None if stat.national_unemployment_rate is None else float(stat.national_unemployment_rate)
        ),
        "source": stat.source,
    }


def _indicators(year, labour_stats, plan):
    """The common indicators (employment rate, employed persons) against the plan's targets."""
    targets = plan_selectors.indicator_targets(year, plan=plan)
    if targets is None and labour_stats is None:
        return None
    targets = targets or {}
    employment_rate = employed = growth = None
    if labour_stats:
        employed = labour_stats["employed"]
        employment_rate = share(employed, labour_stats["population"])
        previous = (
            LabourStat.objects.filter(year=year - 1).order_by(F("month").desc(nulls_first=True)).first()
        )
        if previous is not None:
            growth = employed - previous.employed
    return {
        "employment_rate": employment_rate,
        "employment_rate_target": targets.get("employment_rate_target"),
        "employed": employed,
        "employed_target": targets.get("employed_target"),
        "employed_rate": achievement_rate(employed, targets.get("employed_target")) if employed else None,
        "employed_growth": growth,
        "plan_employment_rate_target": targets.get("plan_employment_rate_target"),
        "plan_employed_growth_target": targets.get("plan_employed_growth_target"),
    }


def compute_snapshot(year, *, progress=None, today=None, all_years=None):
    """Compute every figure of one year's dashboard as a JSON-ready dict (nothing is stored).

    The current year (Asia/Seoul) also gets its year-end forecast. The figures come from the
    one-pass reads: `all_years` (every year, read once by store_all_snapshots) or, without it,
    the same reads for this one year."""
    today = today or timezone.localdate()
    steps = [
        "sectors",
        "programs",
        "agreements",
        "digital_valley",
        "dongs",
        "priority_groups",
        "retention",
        "median_wage",
        "funnel",
        "labour_stats",
        "forecast",
    ]

    def step(index):
        if progress is not None:
            progress(index, len(steps), steps[index])

    # On PostgreSQL every breakdown reads the same committed state (one REPEATABLE READ
    # snapshot), so the totals of different breakdowns agree even while staff keep recording.
    # SET TRANSACTION must be the transaction's first statement, so only when this opens it.
    isolate = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if isolate:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        step(0)
        reads = all_years if all_years is not None else OnePassReads(year=year)
        plan = plan_selectors.plan_for_progress(year)
        sectors, by_year, cumulative = _sectors_and_years(year, plan, reads)
        total_actual = sectors[0]["actual"]
        step(1)
        programs = reads.programs_of(year)
        step(2)
        agreements = reads.agreements_of(year)
        step(3)
        digital_valley = reads.digital_valley_of(year, plan)
        step(4)
        dongs, outside_guro = reads.dongs_of(year)
        step(5)
        priority_groups = reads.priority_groups_of(year)
        step(6)
        retention = reads.retention_of(year)
        step(7)
        median_wage = reads.median_of(year)
        step(8)
        funnel = reads.funnel_of(year, total_actual)
        step(9)
        labour_stats = _labour_stats(year)
        step(10)
        indicators = _indicators(year, labour_stats, plan)
        forecast = compute_forecast(year, today=today) if year == today.year else None
    result = {
        "year": year,
        "definition": str(selectors.ACTUAL_DEFINITION),
        "sectors": sectors,
        "by_year": by_year,
        "cumulative": cumulative,
        "programs": programs,
        "agreements": agreements,
        "digital_valley": digital_valley,
        "dongs": dongs,
        "outside_guro": outside_guro,
        "priority_groups": priority_groups,
        "retention": retention,
        "median_wage": median_wage,
        "funnel": funnel,
        "labour_stats": labour_stats,
        "indicators": indicators,
    }
    if forecast is not None:
        result["forecast"] = forecast
    return result
