"""The dashboards' reads: each source read once, grouped at the finest grain a breakdown needs.

`OnePassReads()` reads every year at once (the nightly recompute of all years); `OnePassReads(year=Y)`
is the same reads for one year (the live current year, one year's recompute, the forecast):
the placements of Y at the finest grain, the earlier years only at the grain the running sums
need (year, sector, agreement; the agreements' hires to date, the plan's cumulative progress and
Digital Valley), and the year's own rows of everything else. Both build a year's figures with
the same methods, so the two paths cannot disagree. Only aggregated rows reach Python.
"""

import datetime

from django.db import connection
from django.db.models import BooleanField, Count, ExpressionWrapper, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, ExtractYear

from employers.models import Agreement
from placements.models import JobApplication, Placement, RetentionCheck
from plans import selectors as plan_selectors
from programs.models import Program, ProgramApplication
from references.models import AdministrativeDong, PriorityGroup
from reports import selectors
from reports.models import Target
from reports.services import tallies
from reports.services.figures import (
    RETENTION_MONTHS,
    SELECTED_STATUSES,
    PercentileCont,
    achievement_rate,
    agreement_figures,
    median_monthly_wage,
    rounded_wage,
    share,
)


def _year(field):
    """The year of a date or time (Asia/Seoul) as an integer: PostgreSQL's EXTRACT gives a numeric,
    slower to group by than an integer."""
    return Cast(ExtractYear(field), IntegerField())


def _zero():
    return {"total": 0, "public": 0, "private": 0}


class OnePassReads:
    """The aggregated rows of every year (year=None) or of one year, read once; each method
    answers one breakdown of one year."""

    def __init__(self, year=None):
        self.year = year
        if connection.vendor == "postgresql" and connection.in_atomic_block:
            # The median's sort and the funnel's DISTINCT over a year's rows spill to disk at the
            # default 4 MB; this transaction's statements may use more (reset at its end).
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL work_mem = '64MB'")
        if year is None:
            actual = selectors.actual_placements_between(first_year=None, last_year=None).order_by()
            earlier = None
            in_scope = selectors.actual_q(first_year=None, last_year=None, prefix="placement__")
        else:
            actual = selectors.actual_placements(year).order_by()
            earlier = selectors.actual_placements_between(first_year=None, last_year=year - 1).order_by()
            in_scope = selectors.actual_q(first_year=year, last_year=year, prefix="placement__")

        local = Q(guro_resident_at_hire=True)
        counts = {
            "count": Count("pk"),
            "local": Count("pk", filter=local),
            "valley_local": Count("pk", filter=local & Q(employer__in_digital_valley=True)),
        }
        self.by_year_sector, self.dongs, self.placed, self.agreements, self.valley = {}, {}, {}, {}, {}
        self._add_grain(
            actual.annotate(start_year=_year("started_on"))
            .values("start_year", "sector", "dong_at_hire_id", "program_id", "agreement_id")
            .annotate(**counts)
        )
        if earlier is not None:
            # Earlier years feed only running sums: no dong or program grain for them. PostgreSQL
            # keeps them tallied (placements/migrations/0007_year_tally.py), elsewhere they are counted.
            if tallies.available():
                self._add_grain(tallies.earlier_years(year), fine=False)
            else:
                self._add_grain(
                    earlier.annotate(start_year=_year("started_on"))
                    .values("start_year", "sector", "agreement_id")
                    .annotate(**counts),
                    fine=False,
                )

        self.medians = None
        if connection.vendor == "postgresql":
            self.medians = {
                row["start_year"]: rounded_wage(row["median"])
                for row in actual.filter(monthly_wage__isnull=False)
                .annotate(start_year=_year("started_on"))
                .values("start_year")
                .annotate(median=PercentileCont("monthly_wage", 0.5))
            }

        # One year's priority groups and retention from the tallies where PostgreSQL keeps them;
        # every year's (and SQLite's) by joining the links and checks to the placements.
        use_tallies = year is not None and tallies.available()
        self.priority = {}
        for row in (
            tallies.priority_groups(year)
            if use_tallies
            else Placement.priority_groups.through.objects.filter(in_scope)
            .order_by()
            .annotate(start_year=_year("placement__started_on"))
            .values("start_year", "prioritygroup_id", sector=F("placement__sector"))
            .annotate(count=Count("pk"))
        ):
            group = self.priority.setdefault(row["start_year"], {}).setdefault(
                row["prioritygroup_id"], _zero()
            )
            group[row["sector"]] += row["count"]
            group["total"] += row["count"]

        self.retention = {}
        for row in (
            tallies.retention(year)
            if use_tallies
            else RetentionCheck.objects.filter(in_scope)
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

        programs = Program.objects.order_by("-year", "kind", "name")
        if year is not None:
            programs = programs.filter(Q(year=year) | Q(pk__in=list(self.placed.get(year, {}))))
        self.programs = list(programs.values("id", "name", "year", "kind", "sector", "capacity"))
        applications = ProgramApplication.objects.order_by()
        if year is not None:
            applications = applications.filter(program_id__in=[program["id"] for program in self.programs])
        self.applications = {
            row["program_id"]: row
            for row in applications.values("program_id").annotate(
                applied=Count("pk"), selected=Count("pk", filter=Q(status__in=SELECTED_STATUSES))
            )
        }

        jobs = JobApplication.objects.order_by()
        program_applications = ProgramApplication.objects.order_by()
        if year is not None:
            jobs = jobs.filter(created_at__year=year)
            program_applications = program_applications.filter(applied_at__year=year)
        referral = Q(referred_by__isnull=False) | Q(status=JobApplication.Status.REFERRED)
        job_sql, job_params = (
            jobs.annotate(year=_year("created_at"), referral=ExpressionWrapper(referral, BooleanField()))
            .values("year", "resident_id", "referral")
            .query.sql_with_params()
        )
        program_sql, program_params = (
            program_applications.annotate(year=_year("applied_at"))
            .values("year", "resident_id")
            .query.sql_with_params()
        )
        # The funnel in one read of each kind of application: per year the job applications,
        # the referrals among them, the program applications and the distinct people who made
        # any of them (the same as a UNION of (year, person), without reading the rows again).
        self.jobs, self.program_applications, self.applicants = {}, {}, {}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT u.year, count(*) FILTER (WHERE u.kind = 1), count(*) FILTER (WHERE u.kind = 1 AND u.referral),"
                " count(*) FILTER (WHERE u.kind = 2), count(DISTINCT u.resident_id)"
                f" FROM (SELECT j.year, j.resident_id, 1 AS kind, j.referral FROM ({job_sql}) j"
                f" UNION ALL SELECT p.year, p.resident_id, 2 AS kind, FALSE FROM ({program_sql}) p) u"
                " GROUP BY u.year",
                (*job_params, *program_params),
            )
            for row_year, applications, referrals, program_count, people in cursor.fetchall():
                row_year = int(row_year)
                if applications:
                    self.jobs[row_year] = {"applications": applications, "referrals": referrals}
                if program_count:
                    self.program_applications[row_year] = program_count
                self.applicants[row_year] = people

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

    def _add_grain(self, rows, fine=True):
        """Sum placement rows (start year, sector, [dong, program,] agreement) into each breakdown."""
        for row in rows:
            year, sector, count = row["start_year"], row["sector"], row["count"]
            by_sector = self.by_year_sector.setdefault(year, {})
            by_sector[sector] = by_sector.get(sector, 0) + count
            if fine:
                dongs = self.dongs.setdefault(year, {}).setdefault(row["dong_at_hire_id"], _zero())
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

    def _check(self, year):
        if self.year is not None and year != self.year:
            raise ValueError(f"these rows were read for {self.year}, not {year}")

    def actual_by_year(self, first_year, last_year):
        """{year: {sector: count}} for the years first_year..last_year."""
        self._check(last_year)
        return {y: counts for y, counts in self.by_year_sector.items() if first_year <= y <= last_year}

    def programs_of(self, year):
        """Per program of the year (or with placements in it): capacity, applied, selected, placed."""
        self._check(year)
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
        """Per agreement in force by the year's end: hires and Guro residents among them, in the
        year and to date, against the local-hire quota (a Target if set, else hires × share)."""
        self._check(year)
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
        return [
            agreement_figures(row, counts.get(row["id"], empty))
            for row in self.agreement_rows
            if row["starts_on"] <= year_end or row["id"] in counts
        ]

    def digital_valley_of(self, year, plan):
        """Guro residents hired by Digital Valley firms, in the year and over the plan period to date."""
        self._check(year)
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
        """Placements per dong of residence at hire (every dong, zeros too), and outside Guro."""
        self._check(year)
        counts = self.dongs.get(year, {})
        rows = [
            {"id": dong["id"], "name": dong["name"], **counts.get(dong["id"], _zero())}
            for dong in self.dong_rows
        ]
        return rows, counts.get(None, _zero())

    def priority_groups_of(self, year):
        """Placements per priority group held at hire (a person may count in several)."""
        self._check(year)
        counts = self.priority.get(year, {})
        return [{**group, **counts.get(group["id"], _zero())} for group in self.group_rows]

    def retention_of(self, year):
        """For the year's placements: follow-ups at 1, 3, 6 and 12 months, checked, still employed."""
        self._check(year)
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
        self._check(year)
        if self.medians is None:
            return median_monthly_wage(selectors.actual_placements(year))
        return self.medians.get(year)

    def funnel_of(self, year, hires):
        """Applicants (distinct people who applied to a job or program), applications, referrals
        (알선) and hires in the year."""
        self._check(year)
        job = self.jobs.get(year, {"applications": 0, "referrals": 0})
        return {
            "applicants": self.applicants.get(year, 0),
            "job_applications": job["applications"],
            "program_applications": self.program_applications.get(year, 0),
            "referrals": job["referrals"],
            "hires": hires,
        }
