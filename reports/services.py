"""Computing and storing the dashboard snapshots.

Every breakdown is one GROUP BY / aggregate query run by the database; Python only reshapes the
aggregated rows (a few dozen at most). No placement is ever loaded into Python.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection, transaction
from django.db.models import Count, F, FloatField, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.aggregates import Aggregate
from django.db.models.functions import Cast, Coalesce, ExtractYear
from django.utils import timezone

from employers.models import Agreement
from placements.models import JobApplication, Placement, RetentionCheck
from plans import selectors as plan_selectors
from programs.models import Program, ProgramApplication
from references.models import AdministrativeDong, PriorityGroup
from reports import selectors
from reports.forecast import compute_forecast
from reports.models import DashboardSnapshot, LabourStat, Target

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


def median_monthly_wage(queryset):
    """The median of monthly_wage over a placement queryset, computed in the database."""
    with_wage = queryset.filter(monthly_wage__isnull=False).order_by()
    if connection.vendor == "postgresql":
        median = with_wage.aggregate(median=PercentileCont("monthly_wage", 0.5))["median"]
        return None if median is None else int(Decimal(median).quantize(Decimal(1), ROUND_HALF_UP))
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


def _count_subquery(queryset, field):
    """A correlated COUNT(*) of queryset rows whose `field` is the outer row, 0 when none."""
    counted = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field)
    counted = counted.annotate(count=Count("pk")).values("count")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _counts_by(rows, key):
    """{key value: {"total", "public", "private"}} from rows of (key, sector, count)."""
    result = {}
    for row in rows:
        counts = result.setdefault(row[key], {"total": 0, "public": 0, "private": 0})
        counts[row["sector"]] += row["count"]
        counts["total"] += row["count"]
    return result


def _sector_rows(targets, actuals):
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


def _with_total(by_sector):
    counts = {"public": by_sector.get("public", 0), "private": by_sector.get("private", 0)}
    counts["total"] = counts["public"] + counts["private"]
    return counts


def _sectors_and_years(year, plan, all_years=None):
    """Target vs actual per sector, for the year and for each year of the series, plus the
    cumulative progress over the plan that covers the year (else the latest earlier plan).
    Targets come from the yearly plans; actual is one GROUP BY year, sector (or, for all years
    at once, the rows already read)."""
    if all_years is not None:
        yearly_targets = all_years.yearly_targets
    else:
        yearly_targets = plan_selectors.sector_targets_by_year()
    plan_first = plan.first_year if plan else year
    plan_last_year = plan.last_year if plan else year
    first_year = min([*yearly_targets, year, plan_first])
    series_years = sorted({y for y in yearly_targets if y <= year} | {year})
    if all_years is not None:
        actual_by_year = {
            y: counts for y, counts in all_years.by_year_sector.items() if first_year <= y <= year
        }
    else:
        actual_rows = (
            selectors.actual_placements_between(first_year=first_year, last_year=year)
            .annotate(start_year=ExtractYear("started_on"))
            .order_by()
            .values("start_year", "sector")
            .annotate(count=Count("pk"))
        )
        actual_by_year = {}
        for row in actual_rows:
            actual_by_year.setdefault(row["start_year"], {})[row["sector"]] = row["count"]

    by_year = [
        {
            "year": series_year,
            "sectors": _sector_rows(
                yearly_targets.get(series_year, {}), _with_total(actual_by_year.get(series_year, {}))
            ),
        }
        for series_year in series_years
    ]

    plan_last = min(year, plan_last_year)
    cumulative_actual = {sector.value: 0 for sector in SECTORS}
    cumulative_yearly_target = {sector.value: 0 for sector in SECTORS}
    for plan_year in range(plan_first, plan_last + 1):
        for sector, count in _with_total(actual_by_year.get(plan_year, {})).items():
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
            for row in _sector_rows(stated, cumulative_actual)
        ],
    }
    this_year = _sector_rows(yearly_targets.get(year, {}), _with_total(actual_by_year.get(year, {})))
    return this_year, by_year, cumulative


def _programs(year):
    """Per program of the year (or with placements in it): capacity, applied, selected, placed."""
    actual = selectors.actual_placements(year)
    applications = ProgramApplication.objects.all()
    rows = (
        Program.objects.filter(
            Q(year=year) | Q(pk__in=actual.filter(program__isnull=False).values("program"))
        )
        .annotate(
            applied=_count_subquery(applications, "program"),
            selected=_count_subquery(applications.filter(status__in=SELECTED_STATUSES), "program"),
            placed=_count_subquery(actual, "program"),
        )
        .order_by("-year", "kind", "name")
        .values("id", "name", "year", "kind", "sector", "capacity", "applied", "selected", "placed")
    )
    kinds = dict(Program.Kind.choices)
    plan_targets = plan_selectors.program_targets(year)
    return [
        {
            **row,
            "kind_label": str(kinds.get(row["kind"], row["kind"])),
            "fill_rate": share(row["placed"], row["capacity"]),
            "plan_target": plan_targets.get(row["id"]),
            "plan_rate": achievement_rate(row["placed"], plan_targets.get(row["id"])),
        }
        for row in rows
    ]


def _agreements(year):
    """Per agreement in force by the year's end: hires and Guro residents among them, in the
    year and cumulative, against the local-hire quota (a Target if set, else hires × share).
    One GROUP BY over the placements, one read of the (few) agreements."""
    in_year = selectors.actual_q(first_year=year, last_year=year)
    local = Q(guro_resident_at_hire=True)
    counts = {
        row["agreement_id"]: row
        for row in selectors.actual_placements_between(first_year=None, last_year=year)
        .filter(agreement__isnull=False)
        .order_by()
        .values("agreement_id")
        .annotate(
            hires=Count("pk"),
            local_hires=Count("pk", filter=local),
            year_hires=Count("pk", filter=in_year),
            year_local_hires=Count("pk", filter=in_year & local),
        )
    }
    quota_target = Target.objects.filter(scope=Target.Scope.AGREEMENT, agreement=OuterRef("pk")).order_by(
        "-pk"
    )
    agreements = (
        Agreement.objects.filter(Q(starts_on__lte=datetime.date(year, 12, 31)) | Q(pk__in=list(counts)))
        .annotate(quota_target=Subquery(quota_target.values("count")[:1]))
        .order_by("starts_on", "pk")
        .values(
            "id", "title", "employer__name", "starts_on", "planned_hires", "local_hire_share", "quota_target"
        )
    )
    empty = {"hires": 0, "local_hires": 0, "year_hires": 0, "year_local_hires": 0}
    result = []
    for row in agreements:
        result.append(agreement_figures(row, counts.get(row["id"], empty)))
    return result


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


def _digital_valley(year, plan):
    """Guro residents hired by Digital Valley firms, in the year and over the plan period to date."""
    plan_first = plan.first_year if plan else year
    plan_last = min(year, plan.last_year) if plan else year
    counts = (
        selectors.actual_placements_between(first_year=min(plan_first, year), last_year=year)
        .filter(employer__in_digital_valley=True, guro_resident_at_hire=True)
        .aggregate(
            in_year=Count("pk", filter=selectors.actual_q(first_year=year, last_year=year)),
            plan_to_date=Count("pk", filter=selectors.actual_q(first_year=plan_first, last_year=plan_last)),
        )
    )
    target = (
        Target.objects.filter(scope=Target.Scope.DIGITAL_VALLEY)
        .order_by("-pk")
        .values_list("count", flat=True)
        .first()
    )
    return {
        "target": target,
        "first_year": plan_first,
        "last_year": plan_last,
        "actual": counts["plan_to_date"],
        "rate": achievement_rate(counts["plan_to_date"], target),
        "year_actual": counts["in_year"],
    }


def _dongs(year):
    """Actual placements per administrative dong of residence at hire (every dong, zeros too),
    and those of people living outside Guro (no dong): one GROUP BY dong, sector."""
    counts = _counts_by(
        selectors.actual_placements(year)
        .order_by()
        .values("dong_at_hire_id", "sector")
        .annotate(count=Count("pk")),
        "dong_at_hire_id",
    )
    zero = {"total": 0, "public": 0, "private": 0}
    rows = [
        {"id": dong["id"], "name": dong["name"], **counts.get(dong["id"], zero)}
        for dong in AdministrativeDong.objects.order_by("sort_order", "name").values("id", "name")
    ]
    return rows, counts.get(None, zero)


def _priority_groups(year):
    """Actual placements per priority group held at hire (a person may count in several):
    one GROUP BY group, sector over the placement–group links."""
    links = Placement.priority_groups.through.objects.filter(
        selectors.actual_q(first_year=year, last_year=year, prefix="placement__")
    )
    counts = _counts_by(
        links.order_by()
        .values("prioritygroup_id", sector=F("placement__sector"))
        .annotate(count=Count("pk")),
        "prioritygroup_id",
    )
    zero = {"total": 0, "public": 0, "private": 0}
    return [
        {**group, **counts.get(group["id"], zero)}
        for group in PriorityGroup.objects.order_by("sort_order", "name").values("id", "code", "name")
    ]


def _retention(year):
    """For the year's placements: follow-ups at 1, 3, 6 and 12 months, checked, still employed."""
    rows = {
        row["months_after_start"]: row
        for row in RetentionCheck.objects.filter(
            selectors.actual_q(first_year=year, last_year=year, prefix="placement__")
        )
        .order_by()
        .values("months_after_start")
        .annotate(
            scheduled=Count("pk"),
            checked=Count("pk", filter=Q(checked_on__isnull=False)),
            retained=Count("pk", filter=Q(still_employed=True)),
        )
    }
    result = []
    for months in RETENTION_MONTHS:
        row = rows.get(months, {"scheduled": 0, "checked": 0, "retained": 0})
        result.append(
            {
                "months": months,
                "scheduled": row["scheduled"],
                "checked": row["checked"],
                "retained": row["retained"],
                "rate": share(row["retained"], row["checked"]),
            }
        )
    return result


def _funnel(year, hires):
    """Applicants (distinct people who applied to a job or program), applications, referrals
    (알선) and hires in the year."""
    job_applications = JobApplication.objects.filter(created_at__year=year).order_by()
    program_applications = ProgramApplication.objects.filter(applied_at__year=year).order_by()
    job = job_applications.aggregate(
        applications=Count("pk"),
        referrals=Count("pk", filter=Q(referred_by__isnull=False) | Q(status=JobApplication.Status.REFERRED)),
    )
    program_count = program_applications.count()
    applicants = (
        job_applications.values("resident_id").union(program_applications.values("resident_id")).count()
    )
    return {
        "applicants": applicants,
        "job_applications": job["applications"],
        "program_applications": program_count,
        "referrals": job["referrals"],
        "hires": hires,
    }


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

    The current year (Asia/Seoul) also gets its year-end forecast. `all_years` (the rows of
    every year, read once by store_all_snapshots) replaces the year's own breakdown queries."""
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
        plan = plan_selectors.plan_for_progress(year)
        sectors, by_year, cumulative = _sectors_and_years(year, plan, all_years)
        total_actual = sectors[0]["actual"]
        step(1)
        programs = all_years.programs_of(year) if all_years else _programs(year)
        step(2)
        agreements = all_years.agreements_of(year) if all_years else _agreements(year)
        step(3)
        digital_valley = all_years.digital_valley_of(year, plan) if all_years else _digital_valley(year, plan)
        step(4)
        dongs, outside_guro = all_years.dongs_of(year) if all_years else _dongs(year)
        step(5)
        priority_groups = all_years.priority_groups_of(year) if all_years else _priority_groups(year)
        step(6)
        retention = all_years.retention_of(year) if all_years else _retention(year)
        step(7)
        if all_years:
            median_wage = all_years.median_of(year)
        else:
            median_wage = median_monthly_wage(selectors.actual_placements(year))
        step(8)
        funnel = all_years.funnel_of(year, total_actual) if all_years else _funnel(year, total_actual)
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


def store_snapshot(*, year, progress=None, all_years=None, started_at=None):
    """Compute one year's snapshot and store it, replacing the year's row atomically.

    Safe to run twice at once: the unique year row is locked while written, and a computation
    that started before the stored one never overwrites it, so one consistent snapshot remains.
    """
    started_at = started_at or timezone.now()
    data = compute_snapshot(year, progress=progress, all_years=all_years)
    return _store_data(year=year, data=data, started_at=started_at)


def _store_data(*, year, data, started_at):
    with transaction.atomic():
        snapshot, created = DashboardSnapshot.objects.select_for_update().get_or_create(
            year=year, defaults={"computed_at": started_at, "data": data}
        )
        if not created and snapshot.computed_at <= started_at:
            snapshot.computed_at = started_at
            snapshot.data = data
            snapshot.save(update_fields=["computed_at", "data"])
    return snapshot


def store_all_snapshots(*, progress=None):
    """Recompute the snapshot of every dashboard year; returns the years done.

    Every source is read once for all years (one REPEATABLE READ snapshot on PostgreSQL), then
    each year is built from the aggregated rows and stored."""
    started_at = timezone.now()
    isolate = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if isolate:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        years = selectors.dashboard_years(include_placement_years=True)
        all_years = _AllYears()
        computed = []
        for index, year in enumerate(years):
            if progress is not None:
                progress(index, len(years), year)
            computed.append((year, compute_snapshot(year, all_years=all_years)))
    for year, data in computed:
        _store_data(year=year, data=data, started_at=started_at)
    return years


# ---- every year in one pass ----------------------------------------------------------------------
# store_all_snapshots reads each source once for all years (a handful of GROUP BY queries, grouped
# at the finest grain a breakdown needs) and builds every year's figures from the aggregated rows
# in Python, instead of re-reading 2010..year for each year and each breakdown. compute_snapshot
# (one year) keeps its own queries; both give identical figures (a test compares every year).


def _year(field):
    """The year of a date or time (Asia/Seoul) as an integer: PostgreSQL's EXTRACT gives a numeric,
    slower to group by than an integer."""
    return Cast(ExtractYear(field), IntegerField())


class _AllYears:
    """The aggregated rows of every year, read once; each method answers one breakdown."""

    def __init__(self):
        actual = selectors.actual_placements_between(first_year=None, last_year=None).order_by()
        self.grain = list(
            actual.annotate(start_year=_year("started_on"))
            .values("start_year", "sector", "dong_at_hire_id", "program_id", "agreement_id")
            .annotate(
                count=Count("pk"),
                local=Count("pk", filter=Q(guro_resident_at_hire=True)),
                valley_local=Count(
                    "pk", filter=Q(guro_resident_at_hire=True, employer__in_digital_valley=True)
                ),
            )
        )
        self.by_year_sector, self.dongs, self.placed, self.agreements, self.valley = {}, {}, {}, {}, {}
        for row in self.grain:
            year, sector, count = row["start_year"], row["sector"], row["count"]
            by_sector = self.by_year_sector.setdefault(year, {})
            by_sector[sector] = by_sector.get(sector, 0) + count
            dongs = self.dongs.setdefault(year, {}).setdefault(
                row["dong_at_hire_id"], {"total": 0, "public": 0, "private": 0}
            )
            dongs[sector] += count
            dongs["total"] += count
            if row["program_id"] is not None:
                placed = self.placed.setdefault(year, {})
                placed[row["program_id"]] = placed.get(row["program_id"], 0) + count
            if row["agreement_id"] is not None:
                agreement = self.agreements.setdefault(year, {}).setdefault(row["agreement_id"], [0, 0])
                agreement[0] += count
                agreement[1] += row["local"]
            self.valley[year] = self.valley.get(year, 0) + row["valley_local"]

        self.medians = {}
        if connection.vendor == "postgresql":
            for row in (
                actual.filter(monthly_wage__isnull=False)
                .annotate(start_year=_year("started_on"))
                .values("start_year")
                .annotate(median=PercentileCont("monthly_wage", 0.5))
            ):
                self.medians[row["start_year"]] = int(
                    Decimal(row["median"]).quantize(Decimal(1), ROUND_HALF_UP)
                )
        else:
            self.medians = None

        self.priority = {}
        links = Placement.priority_groups.through.objects.filter(
            selectors.actual_q(first_year=None, last_year=None, prefix="placement__")
        )
        for row in (
            links.order_by()
            .annotate(start_year=_year("placement__started_on"))
            .values("start_year", "prioritygroup_id", sector=F("placement__sector"))
            .annotate(count=Count("pk"))
        ):
            counts = self.priority.setdefault(row["start_year"], {}).setdefault(
                row["prioritygroup_id"], {"total": 0, "public": 0, "private": 0}
            )
            counts[row["sector"]] += row["count"]
            counts["total"] += row["count"]

        self.retention = {}
        for row in (
            RetentionCheck.objects.filter(
                selectors.actual_q(first_year=None, last_year=None, prefix="placement__")
            )
            .order_by()
            .annotate(start_year=_year("placement__started_on"))
            .values("start_year", "months_after_start")
            .annotate(
                scheduled=Count("pk"),
                checked=Count("pk", filter=Q(checked_on__isnull=False)),
                retained=Count("pk", filter=Q(still_employed=True)),
            )
        ):
            self.retention.setdefault(row["start_year"], {})[row["months_after_start"]] = row

        self.applications = {
            row["program_id"]: row
            for row in ProgramApplication.objects.order_by()
            .values("program_id")
            .annotate(applied=Count("pk"), selected=Count("pk", filter=Q(status__in=SELECTED_STATUSES)))
        }
        self.programs = list(
            Program.objects.order_by("-year", "kind", "name").values(
                "id", "name", "year", "kind", "sector", "capacity"
            )
        )

        self.jobs = {
            row["year"]: row
            for row in JobApplication.objects.order_by()
            .annotate(year=_year("created_at"))
            .values("year")
            .annotate(
                applications=Count("pk"),
                referrals=Count(
                    "pk", filter=Q(referred_by__isnull=False) | Q(status=JobApplication.Status.REFERRED)
                ),
            )
        }
        self.program_applications = dict(
            ProgramApplication.objects.order_by()
            .annotate(year=_year("applied_at"))
            .values("year")
            .annotate(count=Count("pk"))
            .values_list("year", "count")
        )
        job_people = JobApplication.objects.order_by().annotate(year=_year("created_at"))
        program_people = ProgramApplication.objects.order_by().annotate(year=_year("applied_at"))
        union = job_people.values("year", "resident_id").union(program_people.values("year", "resident_id"))
        sql, params = union.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT u.year, count(*) FROM ({sql}) u GROUP BY u.year", params)
            self.applicants = {int(year): count for year, count in cursor.fetchall()}

        self.agreement_rows = list(
            Agreement.objects.annotate(
                quota_target=Subquery(
                    Target.objects.filter(scope=Target.Scope.AGREEMENT, agreement=OuterRef("pk"))
                    .order_by("-pk")
                    .values("count")[:1]
                )
            )
            .order_by("starts_on", "pk")
            .values(
                "id",
                "title",
                "employer__name",
                "starts_on",
                "planned_hires",
                "local_hire_share",
                "quota_target",
            )
        )
        self.valley_target = (
            Target.objects.filter(scope=Target.Scope.DIGITAL_VALLEY)
            .order_by("-pk")
            .values_list("count", flat=True)
            .first()
        )
        self.yearly_targets = plan_selectors.sector_targets_by_year()
        self.dong_rows = list(AdministrativeDong.objects.order_by("sort_order", "name").values("id", "name"))
        self.group_rows = list(
            PriorityGroup.objects.order_by("sort_order", "name").values("id", "code", "name")
        )

    def programs_of(self, year):
        placed = self.placed.get(year, {})
        kinds = dict(Program.Kind.choices)
        plan_targets = plan_selectors.program_targets(year)
        result = []
        for program in self.programs:
            if program["year"] != year and not placed.get(program["id"]):
                continue
            applications = self.applications.get(program["id"], {"applied": 0, "selected": 0})
            row = {
                **program,
                "applied": applications["applied"],
                "selected": applications["selected"],
                "placed": placed.get(program["id"], 0),
            }
            result.append(
                {
                    **row,
                    "kind_label": str(kinds.get(row["kind"], row["kind"])),
                    "fill_rate": share(row["placed"], row["capacity"]),
                    "plan_target": plan_targets.get(row["id"]),
                    "plan_rate": achievement_rate(row["placed"], plan_targets.get(row["id"])),
                }
            )
        return result

    def agreements_of(self, year):
        counts = {}
        for start_year, by_agreement in self.agreements.items():
            if start_year > year:
                continue
            for agreement_id, (hires, local) in by_agreement.items():
                count = counts.setdefault(
                    agreement_id, {"hires": 0, "local_hires": 0, "year_hires": 0, "year_local_hires": 0}
                )
                count["hires"] += hires
                count["local_hires"] += local
                if start_year == year:
                    count["year_hires"] += hires
                    count["year_local_hires"] += local
        year_end = datetime.date(year, 12, 31)
        empty = {"hires": 0, "local_hires": 0, "year_hires": 0, "year_local_hires": 0}
        result = []
        for row in self.agreement_rows:
            if not (row["starts_on"] <= year_end or row["id"] in counts):
                continue
            result.append(agreement_figures(row, counts.get(row["id"], empty)))
        return result

    def digital_valley_of(self, year, plan):
        plan_first = plan.first_year if plan else year
        plan_last = min(year, plan.last_year) if plan else year
        lowest = min(plan_first, year)
        plan_to_date = sum(
            count for y, count in self.valley.items() if lowest <= y <= year and plan_first <= y <= plan_last
        )
        return {
            "target": self.valley_target,
            "first_year": plan_first,
            "last_year": plan_last,
            "actual": plan_to_date,
            "rate": achievement_rate(plan_to_date, self.valley_target),
            "year_actual": self.valley.get(year, 0),
        }

    def dongs_of(self, year):
        counts = self.dongs.get(year, {})
        zero = {"total": 0, "public": 0, "private": 0}
        rows = [
            {"id": dong["id"], "name": dong["name"], **counts.get(dong["id"], zero)}
            for dong in self.dong_rows
        ]
        return rows, counts.get(None, zero)

    def priority_groups_of(self, year):
        counts = self.priority.get(year, {})
        zero = {"total": 0, "public": 0, "private": 0}
        return [{**group, **counts.get(group["id"], zero)} for group in self.group_rows]

    def retention_of(self, year):
        rows = self.retention.get(year, {})
        result = []
        for months in RETENTION_MONTHS:
            row = rows.get(months, {"scheduled": 0, "checked": 0, "retained": 0})
            result.append(
                {
                    "months": months,
                    "scheduled": row["scheduled"],
                    "checked": row["checked"],
                    "retained": row["retained"],
                    "rate": share(row["retained"], row["checked"]),
                }
            )
        return result

    def median_of(self, year):
        if self.medians is None:
            return median_monthly_wage(selectors.actual_placements(year))
        return self.medians.get(year)

    def funnel_of(self, year, hires):
        job = self.jobs.get(year, {"applications": 0, "referrals": 0})
        return {
            "applicants": self.applicants.get(year, 0),
            "job_applications": job["applications"],
            "program_applications": self.program_applications.get(year, 0),
            "referrals": job["referrals"],
            "hires": hires,
        }
