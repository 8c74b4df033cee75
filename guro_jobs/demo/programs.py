"""Demo programs: the 2010 programs from the migration, and the same kinds for 2011–2014 and this year."""

import datetime
from dataclasses import dataclass

from guro_jobs.demo.tools import PLAN_YEARS, age_on, minimum_wage, monthly_wage
from programs.models import (
    PlacePool,
    Program,
    ProgramPriorityWeight,
)
from references.choices import EducationLevel, WageUnit


@dataclass
class ProgramRow:
    pk: int
    year: int
    kind: str
    weight: float  # share of the year's program placements (0: no placements, e.g. training)
    capacity: float  # share of the applications
    points: dict  # priority group id → points
    required: int  # bitmask of required priority groups (any one)
    min_age: int | None
    max_age: int | None
    residency: bool
    min_education: int
    opens: int  # ordinals: applications open, close; program starts, ends
    closes: int
    starts: int
    ends: int
    monthly_wage: int | None
    current: bool = False


SCHEDULES = {  # (applications open, close, program starts, ends) as (month, day)
    Program.Kind.YOUTH_INTERNSHIP: ((2, 1), (2, 20), (3, 2), (8, 31)),
    Program.Kind.JOB_TRAINING: ((3, 2), (3, 20), (4, 1), (6, 30)),
}
DEFAULT_SCHEDULE = ((1, 2), (1, 25), (2, 1), (12, 20))
# This year's programs take applications around the day the demo is built, so `make demo` shows the
# whole apply journey on any day: most are open, some closed already, one not yet open (by code).
CURRENT_WINDOW_STATES = {
    "youth-internship": "closed",
    "service-training": "closed",
    "self-sufficiency-senior": "upcoming",
}
CURRENT_WINDOWS = {"open": (-14, 14), "closed": (-45, -15), "upcoming": (7, 30)}  # days from today


def current_application_window(code, today):
    """(opens, closes) of a program of today's year: open around today, closed, or upcoming."""
    first, last = CURRENT_WINDOWS[CURRENT_WINDOW_STATES.get(code.split("-", 1)[1], "open")]
    return today + datetime.timedelta(days=first), today + datetime.timedelta(days=last)


FIXED_CAPACITY = {
    Program.Kind.YOUTH_INTERNSHIP: 100,
    Program.Kind.COMMUNITY_JOBS: 200,
    Program.Kind.JOB_TRAINING: 60,
}
DAILY_PROGRAM_WAGE = {2010: 33000, 2011: 35000, 2012: 36000, 2013: 38000, 2014: 40000}


def _program_wage(year, kind):
    if kind == Program.Kind.JOB_TRAINING:
        return None, WageUnit.DAILY
    if kind == Program.Kind.YOUTH_INTERNSHIP:
        return ((minimum_wage(year) * 209 + 9999) // 10000) * 10000, WageUnit.MONTHLY
    daily = DAILY_PROGRAM_WAGE.get(year) or ((minimum_wage(year) * 8 + 999) // 1000) * 1000
    return daily, WageUnit.DAILY


def create_programs(ctx, public_targets):
    """Copies of the 2010 programs for 2011–2014 and this year (existing codes are reused)."""
    base = list(
        Program.objects.filter(year=2010)
        .order_by("code")
        .select_related("place_pool")
        .prefetch_related("required_priority_groups")
    )
    years = list(PLAN_YEARS[1:]) + ([ctx.today.year] if ctx.today.year > PLAN_YEARS[-1] else [])
    base_points = {}
    for weight in ProgramPriorityWeight.objects.filter(program__in=base).order_by("id"):
        base_points.setdefault(weight.program_id, []).append((weight.priority_group_id, weight.points))
    existing = {p.code: p for p in Program.objects.filter(year__in=years)}
    created = 0
    for year in years:
        scale = public_targets.get(year, public_targets[PLAN_YEARS[-1]]) / public_targets[2010]
        for program in base:
            code = f"{year}-{program.code.removeprefix('2010-')}"
            if code in existing:
                continue
            opens, closes, starts, ends = SCHEDULES.get(program.kind, DEFAULT_SCHEDULE)
            wage, unit = _program_wage(year, program.kind)
            capacity = FIXED_CAPACITY.get(program.kind) or (
                round((program.capacity or 100) * scale / 10) * 10
            )
            opens_on, closes_on = datetime.date(year, *opens), datetime.date(year, *closes)
            if year == ctx.today.year:
                opens_on, closes_on = current_application_window(code, ctx.today)
            pool = None
            if program.place_pool_id:  # programs sharing places keep sharing them, scaled like the others
                pool, _created = PlacePool.objects.get_or_create(
                    name=program.place_pool.name,
                    year=year,
                    defaults={"capacity": round(program.place_pool.capacity * scale / 10) * 10},
                )
                capacity = None
            copy = Program.objects.create(
                place_pool=pool,
                # the plan gives no capacity for these four programs: the demo's figure is an example
                capacity_source=Program.CapacitySource.DEMO_EXAMPLE if program.kind in FIXED_CAPACITY else "",
                code=code,
                name=program.name,
                name_en=program.name_en,
                kind=program.kind,
                sector=program.sector,
                year=year,
                description=program.description,
                capacity=capacity,
                starts_on=datetime.date(year, *starts),
                ends_on=datetime.date(year, *ends),
                applications_open_on=opens_on,
                applications_close_on=closes_on,
                wage_amount=wage,
                wage_unit=unit,
                is_published=program.is_published,
                min_age=program.min_age,
                max_age=program.max_age,
                requires_guro_residency=program.requires_guro_residency,
                allowed_employment_statuses=list(program.allowed_employment_statuses),
                min_education=program.min_education,
            )
            copy.required_priority_groups.set(program.required_priority_groups.all())
            ProgramPriorityWeight.objects.bulk_create(
                ProgramPriorityWeight(program=copy, priority_group_id=group_id, points=points)
                for group_id, points in base_points.get(program.pk, [])
            )
            existing[code] = copy
            created += 1
    ctx.created_programs = created
    return _program_rows(ctx, [*base, *sorted(existing.values(), key=lambda p: (p.year, p.code))])


def _program_rows(ctx, programs):
    points = {}
    for weight in ProgramPriorityWeight.objects.filter(program__in=programs).order_by("id"):
        points.setdefault(weight.program_id, {})[weight.priority_group_id] = weight.points
    bit_by_id = {g.pk: 1 << i for i, g in enumerate(ctx.groups)}
    required = {}
    through = Program.required_priority_groups.through
    for program_id, group_id in through.objects.filter(program__in=programs).values_list(
        "program_id", "prioritygroup_id"
    ):
        required[program_id] = required.get(program_id, 0) | bit_by_id.get(group_id, 0)
    rows = []
    for program in programs:
        opens, closes, starts, ends = SCHEDULES.get(program.kind, DEFAULT_SCHEDULE)
        year = program.year

        def day(value, default, year=year):
            return (value or datetime.date(year, *default)).toordinal()

        starts_on = day(program.starts_on, starts)
        ends_on = max(starts_on, day(program.ends_on, ends))
        closes_on = min(day(program.applications_close_on, closes), starts_on - 1)
        opens_on = min(day(program.applications_open_on, opens), closes_on)
        current = year == ctx.today.year
        if current:  # this year's round is the real window around today (a rolling intake)
            opens_on, closes_on = (
                day(program.applications_open_on, opens),
                day(program.applications_close_on, closes),
            )
        if program.wage_amount:
            monthly = monthly_wage(program.wage_amount, program.wage_unit)
        else:
            daily, unit = _program_wage(year, program.kind)
            monthly = monthly_wage(daily or 0, unit)
        placing = program.kind != Program.Kind.JOB_TRAINING and year in PLAN_YEARS
        rows.append(
            ProgramRow(
                pk=program.pk,
                year=year,
                kind=program.kind,
                weight=float(program.capacity or 150) if placing else 0.0,
                # A round that has not opened yet has no applications.
                capacity=0.0
                if current and opens_on > ctx.today.toordinal()
                else float(program.capacity or 150),
                points=points.get(program.pk, {}),
                required=required.get(program.pk, 0),
                min_age=program.min_age,
                max_age=program.max_age,
                residency=program.requires_guro_residency,
                min_education=EducationLevel.rank(program.min_education) if program.min_education else -1,
                opens=opens_on,
                closes=closes_on,
                starts=starts_on,
                ends=ends_on,
                monthly_wage=monthly or None,
                current=current,
            )
        )
    return rows


def program_fit(ctx, program, ordinal):
    """Whether a resident meets a program's rules on a day (age, residency, groups, education)."""
    day = datetime.date.fromordinal(ordinal)

    def fits(index):
        if program.residency and not ctx.r_dong[index]:
            return False
        if program.required and not ctx.r_verified[index] & program.required:
            return False
        if program.min_education >= 0 and ctx.r_edu[index] < program.min_education:
            return False
        if program.min_age is not None or program.max_age is not None:
            age = age_on(datetime.date.fromordinal(ctx.r_birth[index]), day)
            if program.min_age is not None and age < program.min_age:
                return False
            if program.max_age is not None and age > program.max_age:
                return False
        return True

    return fits
