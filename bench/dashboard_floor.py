"""The floors bench/dashboard_recompute.py measures the product against, and the check that the
stored snapshots hold exactly the floor's figures. Import it with Django set up.

- the per-year floor: hand-written GROUP BY statements re-reading each year, as the product
  used to;
- the one-pass floor: each source read once for every year (13 statements), running sums over
  the aggregated rows in Python.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection

from plans import selectors as plan_selectors
from reports import services
from reports.models import DashboardSnapshot

FLOOR_QUERIES = [
    # targets
    "SELECT scope, year, sector, count FROM reports_target WHERE scope IN ('sector', 'plan_period')",
    # actual per year and sector, plan start .. year (the yearly series and the cumulative)
    """SELECT extract(year FROM started_on), sector, count(*) FROM placements_placement
       WHERE started_on BETWEEN %(plan_start)s AND %(end)s GROUP BY 1, 2""",
    # programs: applications per program, placements per program in the year
    """SELECT p.id, p.name, p.capacity, a.applied, a.selected, pl.placed FROM programs_program p
       LEFT JOIN (SELECT program_id, count(*) applied,
                         count(*) FILTER (WHERE status IN ('selected','active','completed','dropped')) selected
                  FROM programs_programapplication GROUP BY program_id) a ON a.program_id = p.id
       LEFT JOIN (SELECT program_id, count(*) placed FROM placements_placement
                  WHERE started_on BETWEEN %(start)s AND %(end)s AND program_id IS NOT NULL
                  GROUP BY program_id) pl ON pl.program_id = p.id
       WHERE p.year = %(year)s OR pl.placed IS NOT NULL""",
    # agreements: hires and local hires to date and in the year
    """SELECT agreement_id, count(*), count(*) FILTER (WHERE guro_resident_at_hire),
              count(*) FILTER (WHERE started_on >= %(start)s),
              count(*) FILTER (WHERE started_on >= %(start)s AND guro_resident_at_hire)
       FROM placements_placement WHERE agreement_id IS NOT NULL AND started_on <= %(end)s
       GROUP BY agreement_id""",
    "SELECT id, title, planned_hires, local_hire_share FROM employers_agreement WHERE starts_on <= %(end)s",
    # Digital Valley
    """SELECT count(*) FILTER (WHERE p.started_on >= %(start)s), count(*) FILTER (WHERE p.started_on <= %(plan_end)s)
       FROM placements_placement p JOIN employers_employer e ON e.id = p.employer_id
       WHERE e.in_digital_valley AND p.guro_resident_at_hire AND p.started_on BETWEEN %(plan_start)s AND %(end)s""",
    # dongs
    """SELECT dong_at_hire_id, sector, count(*) FROM placements_placement
       WHERE started_on BETWEEN %(start)s AND %(end)s GROUP BY 1, 2""",
    # priority groups
    """SELECT g.prioritygroup_id, p.sector, count(*) FROM placements_placement_priority_groups g
       JOIN placements_placement p ON p.id = g.placement_id
       WHERE p.started_on BETWEEN %(start)s AND %(end)s GROUP BY 1, 2""",
    # retention
    """SELECT r.months_after_start, count(*), count(r.checked_on), count(*) FILTER (WHERE r.still_employed)
       FROM placements_retentioncheck r JOIN placements_placement p ON p.id = r.placement_id
       WHERE p.started_on BETWEEN %(start)s AND %(end)s GROUP BY 1""",
    # median wage
    """SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY monthly_wage) FROM placements_placement
       WHERE started_on BETWEEN %(start)s AND %(end)s AND monthly_wage IS NOT NULL""",
    # funnel
    """SELECT count(*), count(*) FILTER (WHERE referred_by_id IS NOT NULL OR status = 'referred')
       FROM placements_jobapplication WHERE created_at >= %(start_at)s AND created_at < %(next_at)s""",
    """SELECT count(*) FROM programs_programapplication
       WHERE applied_at >= %(start_at)s AND applied_at < %(next_at)s""",
    """SELECT count(*) FROM (SELECT resident_id FROM placements_jobapplication
                             WHERE created_at >= %(start_at)s AND created_at < %(next_at)s
                             UNION SELECT resident_id FROM programs_programapplication
                             WHERE applied_at >= %(start_at)s AND applied_at < %(next_at)s) u""",
    # labour statistics
    "SELECT * FROM reports_labourstat WHERE year = %(year)s ORDER BY month DESC NULLS FIRST LIMIT 1",
]


def floor_all_years():
    """The raw-SQL floor for every year the recompute does; returns the number of rows read."""
    rows = 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT extract(year FROM started_on)::int FROM placements_placement "
            "UNION SELECT year FROM plans_yearplan "
            "UNION SELECT year FROM reports_dashboardsnapshot"
        )
        years = sorted(year for (year,) in cursor.fetchall())
        for year in years:
            plan = plan_selectors.plan_for_progress(year)
            params = {
                "year": year,
                "start": f"{year}-01-01",
                "end": f"{year}-12-31",
                "plan_start": f"{min(plan.first_year if plan else year, year)}-01-01",
                "plan_end": f"{min(year, plan.last_year if plan else year)}-12-31",
                "start_at": f"{year}-01-01 00:00+09",
                "next_at": f"{year + 1}-01-01 00:00+09",
            }
            for sql in FLOOR_QUERIES:
                cursor.execute(sql, params)
                rows += len(cursor.fetchall())
    return rows


# ---- the one-pass floor: every year at once, each source read once -------------------------------

ONE_PASS_QUERIES = {
    "years": """SELECT DISTINCT extract(year FROM started_on)::int FROM placements_placement
                UNION SELECT year FROM plans_yearplan UNION SELECT year FROM reports_dashboardsnapshot""",
    "plans": "SELECT id, first_year, last_year FROM plans_plan",
    # placements once, at the finest grain any breakdown needs
    "grain": """SELECT extract(year FROM p.started_on)::int, p.sector, p.dong_at_hire_id, p.program_id,
                       p.agreement_id, count(*), count(*) FILTER (WHERE p.guro_resident_at_hire),
                       count(*) FILTER (WHERE p.guro_resident_at_hire AND e.in_digital_valley)
                FROM placements_placement p LEFT JOIN employers_employer e ON e.id = p.employer_id
                WHERE p.status = 'standing' GROUP BY 1, 2, 3, 4, 5""",
    "median": """SELECT extract(year FROM started_on)::int,
                        percentile_cont(0.5) WITHIN GROUP (ORDER BY monthly_wage)
                 FROM placements_placement WHERE status = 'standing' AND monthly_wage IS NOT NULL
                 GROUP BY 1""",
    "priority": """SELECT extract(year FROM p.started_on)::int, g.prioritygroup_id, p.sector, count(*)
                   FROM placements_placement_priority_groups g
                   JOIN placements_placement p ON p.id = g.placement_id
                   WHERE p.status = 'standing' GROUP BY 1, 2, 3""",
    "retention": """SELECT extract(year FROM p.started_on)::int, r.months_after_start, count(*),
                           count(r.checked_on), count(*) FILTER (WHERE r.still_employed)
                    FROM placements_retentioncheck r JOIN placements_placement p ON p.id = r.placement_id
                    WHERE p.status = 'standing' GROUP BY 1, 2""",
    "applications": """SELECT program_id, count(*),
                              count(*) FILTER (WHERE status IN ('selected','active','completed','dropped'))
                       FROM programs_programapplication GROUP BY 1""",
    "programs": "SELECT id, year FROM programs_program",
    "agreements": "SELECT id, starts_on FROM employers_agreement",
    "jobs": """SELECT extract(year FROM created_at AT TIME ZONE 'Asia/Seoul')::int, count(*),
                      count(*) FILTER (WHERE referred_by_id IS NOT NULL OR status = 'referred')
               FROM placements_jobapplication GROUP BY 1""",
    "program_applications": """SELECT extract(year FROM applied_at AT TIME ZONE 'Asia/Seoul')::int, count(*)
                               FROM programs_programapplication GROUP BY 1""",
    "applicants": """SELECT y, count(*) FROM (
                         SELECT extract(year FROM created_at AT TIME ZONE 'Asia/Seoul')::int y, resident_id
                         FROM placements_jobapplication
                         UNION SELECT extract(year FROM applied_at AT TIME ZONE 'Asia/Seoul')::int, resident_id
                         FROM programs_programapplication) u GROUP BY 1""",
}


def _add(counts, key, value):
    counts[key] = counts.get(key, 0) + value


def one_pass_floor():
    """Every year's counted figures from one read of each source, as {(year, figure…): number}."""
    with connection.cursor() as cursor:
        rows = {}
        for name, sql in ONE_PASS_QUERIES.items():
            cursor.execute(sql)
            rows[name] = cursor.fetchall()
    years = sorted(year for (year,) in rows["years"])
    plans = rows["plans"]
    sector_year, dong, placed, agreement, valley, priority = {}, {}, {}, {}, {}, {}
    for year, sector, dong_id, program_id, agreement_id, count, local, valley_local in rows["grain"]:
        _add(sector_year, (year, sector), count)
        _add(sector_year, (year, "total"), count)
        _add(dong, (year, dong_id, sector), count)
        _add(dong, (year, dong_id, "total"), count)
        if program_id is not None:
            _add(placed, (year, program_id), count)
        if agreement_id is not None:
            _add(agreement, (year, agreement_id, "hires"), count)
            _add(agreement, (year, agreement_id, "local_hires"), local)
        _add(valley, year, valley_local)
    for year, group_id, sector, count in rows["priority"]:
        _add(priority, (year, group_id, sector), count)
        _add(priority, (year, group_id, "total"), count)
    applications = {program_id: (applied, selected) for program_id, applied, selected in rows["applications"]}
    program_year = dict(rows["programs"])
    agreement_start = dict(rows["agreements"])
    medians = {
        year: int(Decimal(median).quantize(Decimal(1), ROUND_HALF_UP)) for year, median in rows["median"]
    }
    retention = {(year, months): (s, c, r) for year, months, s, c, r in rows["retention"]}
    jobs = {year: (count, referrals) for year, count, referrals in rows["jobs"]}
    program_applications = dict(rows["program_applications"])
    applicants = dict(rows["applicants"])

    dongs_of, groups_of, agreements_of = {}, {}, {}
    for year, dong_id, _sector in dong:
        dongs_of.setdefault(year, set()).add(dong_id)
    for year, group_id, _sector in priority:
        groups_of.setdefault(year, set()).add(group_id)
    for (year, agreement_id, kind), count in agreement.items():
        agreements_of.setdefault(year, []).append(((agreement_id, kind), count))

    figures = {}
    # running sums over the aggregated rows: agreements to date
    to_date = {}
    for year in years:
        for key, count in agreements_of.get(year, ()):
            _add(to_date, key, count)
        covering = [p for p in plans if p[1] <= year <= p[2]]
        earlier = [p for p in plans if p[2] < year]
        plan = (
            min(covering, key=lambda p: p[1])
            if covering
            else (max(earlier, key=lambda p: p[2]) if earlier else None)
        )
        first, last = (plan[1], min(year, plan[2])) if plan else (year, year)
        for sector in ("total", "public", "private"):
            figures[(year, "sectors", sector)] = sector_year.get((year, sector), 0)
            figures[(year, "cumulative", sector)] = sum(
                sector_year.get((y, sector), 0) for y in range(first, last + 1)
            )
            for dong_id in dongs_of.get(year, set()) - {None}:
                figures[(year, "dongs", dong_id, sector)] = dong.get((year, dong_id, sector), 0)
            figures[(year, "outside_guro", sector)] = dong.get((year, None, sector), 0)
            for group_id in groups_of.get(year, ()):
                figures[(year, "priority_groups", group_id, sector)] = priority.get(
                    (year, group_id, sector), 0
                )
        for program_id, program_year_of in program_year.items():
            if program_year_of == year or placed.get((year, program_id)):
                applied, selected = applications.get(program_id, (0, 0))
                figures[(year, "programs", program_id, "applied")] = applied
                figures[(year, "programs", program_id, "selected")] = selected
                figures[(year, "programs", program_id, "placed")] = placed.get((year, program_id), 0)
        year_end = datetime.date(year, 12, 31)
        for agreement_id, starts_on in agreement_start.items():
            if starts_on <= year_end or (agreement_id, "hires") in to_date:
                for kind in ("hires", "local_hires"):
                    figures[(year, "agreements", agreement_id, kind)] = to_date.get((agreement_id, kind), 0)
                    figures[(year, "agreements", agreement_id, "year_" + kind)] = agreement.get(
                        (year, agreement_id, kind), 0
                    )
        figures[(year, "digital_valley", "year_actual")] = valley.get(year, 0)
        figures[(year, "digital_valley", "actual")] = sum(valley.get(y, 0) for y in range(first, last + 1))
        for months in services.RETENTION_MONTHS:
            for index, kind in enumerate(("scheduled", "checked", "retained")):
                figures[(year, "retention", months, kind)] = retention.get((year, months), (0, 0, 0))[index]
        figures[(year, "median_wage")] = medians.get(year)
        figures[(year, "funnel", "applicants")] = applicants.get(year, 0)
        figures[(year, "funnel", "job_applications")] = jobs.get(year, (0, 0))[0]
        figures[(year, "funnel", "referrals")] = jobs.get(year, (0, 0))[1]
        figures[(year, "funnel", "program_applications")] = program_applications.get(year, 0)
    return figures


def snapshot_figures():
    """The same counted figures, read from the stored snapshots."""
    figures = {}
    for snapshot in DashboardSnapshot.objects.order_by("year"):
        year, data = snapshot.year, snapshot.data
        for row in data["sectors"]:
            figures[(year, "sectors", row["sector"])] = row["actual"]
        for row in data["cumulative"]["sectors"]:
            figures[(year, "cumulative", row["sector"])] = row["actual"]
        for sector in ("total", "public", "private"):
            for row in data["dongs"]:
                if row["total"]:
                    figures[(year, "dongs", row["id"], sector)] = row[sector]
            figures[(year, "outside_guro", sector)] = data["outside_guro"][sector]
            for row in data["priority_groups"]:
                if row["total"]:
                    figures[(year, "priority_groups", row["id"], sector)] = row[sector]
        for row in data["programs"]:
            for kind in ("applied", "selected", "placed"):
                figures[(year, "programs", row["id"], kind)] = row[kind]
        for row in data["agreements"]:
            for kind in ("hires", "local_hires", "year_hires", "year_local_hires"):
                figures[(year, "agreements", row["id"], kind)] = row[kind]
        for kind in ("year_actual", "actual"):
            figures[(year, "digital_valley", kind)] = data["digital_valley"][kind]
        for row in data["retention"]:
            for kind in ("scheduled", "checked", "retained"):
                figures[(year, "retention", row["months"], kind)] = row[kind]
        figures[(year, "median_wage")] = data["median_wage"]
        for kind in ("applicants", "job_applications", "referrals", "program_applications"):
            figures[(year, "funnel", kind)] = data["funnel"][kind]
    return figures


def compare_figures():
    """(equal, total, first differences) between the one-pass floor and the stored snapshots."""
    floor, stored = one_pass_floor(), snapshot_figures()
    keys = set(floor) | set(stored)
    different = sorted((k for k in keys if floor.get(k) != stored.get(k)), key=str)
    return len(keys) - len(different), len(keys), [(k, floor.get(k), stored.get(k)) for k in different[:5]]


# ---- the one-year floor: the same statements restricted to one year -------------------------------

ONE_YEAR_QUERIES = {
    "plans": "SELECT id, first_year, last_year FROM plans_plan",
    # the year's placements at the finest grain
    "grain": """SELECT p.sector, p.dong_at_hire_id, p.program_id, p.agreement_id, count(*),
                       count(*) FILTER (WHERE p.guro_resident_at_hire),
                       count(*) FILTER (WHERE p.guro_resident_at_hire AND e.in_digital_valley)
                FROM placements_placement p LEFT JOIN employers_employer e ON e.id = p.employer_id
                WHERE p.status = 'standing' AND p.started_on BETWEEN %(start)s AND %(end)s
                GROUP BY 1, 2, 3, 4""",
    # earlier years only at the grain of the running sums (cumulative, agreements to date, Valley)
    "earlier": """SELECT extract(year FROM p.started_on)::int, p.sector, p.agreement_id, count(*),
                         count(*) FILTER (WHERE p.guro_resident_at_hire),
                         count(*) FILTER (WHERE p.guro_resident_at_hire AND e.in_digital_valley)
                  FROM placements_placement p LEFT JOIN employers_employer e ON e.id = p.employer_id
                  WHERE p.status = 'standing' AND p.started_on < %(start)s GROUP BY 1, 2, 3""",
    "median": """SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY monthly_wage) FROM placements_placement
                 WHERE status = 'standing' AND monthly_wage IS NOT NULL
                   AND started_on BETWEEN %(start)s AND %(end)s""",
    "priority": """SELECT g.prioritygroup_id, p.sector, count(*) FROM placements_placement_priority_groups g
                   JOIN placements_placement p ON p.id = g.placement_id
                   WHERE p.status = 'standing' AND p.started_on BETWEEN %(start)s AND %(end)s GROUP BY 1, 2""",
    "retention": """SELECT r.months_after_start, count(*), count(r.checked_on),
                           count(*) FILTER (WHERE r.still_employed)
                    FROM placements_retentioncheck r JOIN placements_placement p ON p.id = r.placement_id
                    WHERE p.status = 'standing' AND p.started_on BETWEEN %(start)s AND %(end)s GROUP BY 1""",
    "programs": "SELECT id, year FROM programs_program",
    "applications": """SELECT a.program_id, count(*),
                              count(*) FILTER (WHERE a.status IN ('selected','active','completed','dropped'))
                       FROM programs_programapplication a JOIN programs_program g ON g.id = a.program_id
                       WHERE g.year = %(year)s GROUP BY 1""",
    "agreements": "SELECT id, starts_on FROM employers_agreement",
    "jobs": """SELECT count(*), count(*) FILTER (WHERE referred_by_id IS NOT NULL OR status = 'referred')
               FROM placements_jobapplication WHERE created_at >= %(start_at)s AND created_at < %(next_at)s""",
    "program_applications": """SELECT count(*) FROM programs_programapplication
                               WHERE applied_at >= %(start_at)s AND applied_at < %(next_at)s""",
    "applicants": """SELECT count(*) FROM (SELECT resident_id FROM placements_jobapplication
                                           WHERE created_at >= %(start_at)s AND created_at < %(next_at)s
                                           UNION SELECT resident_id FROM programs_programapplication
                                           WHERE applied_at >= %(start_at)s AND applied_at < %(next_at)s) u""",
}


def one_year_floor(year):
    """The one-pass statements for one year only (what the current year's recompute must read at
    the least); returns the number of rows read. Programs placed in the year but of another year
    add a few application rows the floor leaves out, so it is, if anything, a little low."""
    params = {
        "year": year,
        "start": f"{year}-01-01",
        "end": f"{year}-12-31",
        "start_at": f"{year}-01-01 00:00+09",
        "next_at": f"{year + 1}-01-01 00:00+09",
    }
    rows = 0
    with connection.cursor() as cursor:
        for sql in ONE_YEAR_QUERIES.values():
            cursor.execute(sql, params)
            rows += len(cursor.fetchall())
    return rows
