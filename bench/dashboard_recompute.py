"""Benchmark (not a test): recompute of every dashboard year against a raw-SQL floor, and the
peak memory of a real Celery worker doing it, at several placement counts.

    createdb -h 127.0.0.1 -U postgres guro_dashboards_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/guro_dashboards_bench \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/3 CELERY_RESULT_BACKEND=redis://127.0.0.1:6379/3 \\
    .venv/bin/python bench/dashboard_recompute.py --placements 100000 1000000 --repeat 3

For each size the placements (and their residents, applications, priority groups and
retention checks) are generated again: with `manage.py seed_demo --placements N --seed 1` when
that command exists, else with the minimal generator below (INSERT … SELECT generate_series,
deterministic). Then, in this one process and interleaved, `store_all_snapshots()` (exactly
what the nightly task runs) is timed against hand-written raw SQL GROUP BY queries for the
same breakdowns of the same years; then a real `celery worker --pool solo` runs the
`reports.recompute_all_dashboards` task and its peak resident memory (VmHWM) is read.
Results go to stdout and bench/results/dashboard_recompute.json.
"""

import argparse
import datetime
import functools
import json
import os
import subprocess
import sys
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guro_jobs.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command, get_commands  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from guro_jobs.celery import app as celery_app  # noqa: E402
from plans import selectors as plan_selectors  # noqa: E402
from reports import selectors, services  # noqa: E402
from reports.models import DashboardSnapshot  # noqa: E402

GENERATOR_SQL = """
TRUNCATE residents_resident RESTART IDENTITY CASCADE;
TRUNCATE employers_vacancy RESTART IDENTITY CASCADE;
DELETE FROM employers_agreement WHERE title LIKE 'BENCH%%';
DELETE FROM employers_employer WHERE name LIKE 'BENCH%%';
DELETE FROM programs_program WHERE code LIKE 'bench-%%';
DELETE FROM reports_dashboardsnapshot;
SELECT setseed(0.2010);

INSERT INTO residents_resident (name, birth_date, gender, dong_id, outside_region, phone, email,
    education_level, employment_status, desired_employment_types, career_summary,
    collection_consented_at, consent_version, created_at, updated_at, last_active_at)
SELECT 'BENCH주민' || i, date '1950-01-01' + (i * 37 %% 20000),
       CASE WHEN i %% 2 = 0 THEN 'female' ELSE 'male' END,
       CASE WHEN i %% 10 = 0 THEN NULL ELSE d.ids[1 + i %% array_length(d.ids, 1)] END,
       CASE WHEN i %% 10 = 0 THEN '광명시' ELSE '' END,
       '010-' || lpad((i %% 10000)::text, 4, '0') || '-' || lpad((i / 10000 %% 10000)::text, 4, '0'),
       '', 'high_school', 'unemployed', '[]', '', now(), '2026-11', now(), now(), now()
FROM generate_series(1, %(residents)s) i,
     (SELECT array_agg(id ORDER BY id) ids FROM references_administrativedong) d;

INSERT INTO employers_employer (name, business_number, kind, industry, representative, address,
    in_digital_valley, phone, created_at)
SELECT 'BENCH기업' || i, '', CASE WHEN i %% 3 = 0 THEN 'digital_valley' ELSE 'other' END, '', '', '',
       i %% 3 = 0, '', now()
FROM generate_series(1, 500) i;

INSERT INTO employers_agreement (title, signed_on, starts_on, planned_hires, local_hire_share,
    incentives, notes, employer_id)
SELECT 'BENCH 협약 ' || i, date '2010-01-01' + i * 60, date '2010-01-01' + i * 60, 100 + i * 10, 50,
       '[]', '', e.ids[i * 3 - 1]
FROM generate_series(1, 20) i,
     (SELECT array_agg(id ORDER BY id) ids FROM employers_employer WHERE name LIKE 'BENCH%%') e;

INSERT INTO programs_program (code, name, kind, sector, year, description, capacity, wage_unit,
    is_published, requires_guro_residency, allowed_employment_statuses, min_education, created_at,
    name_en, capacity_source)
SELECT 'bench-' || y || '-' || k, y || ' 벤치 사업 ' || k,
       (ARRAY['public_works','hope_work','self_sufficiency','senior_jobs','youth_internship',
              'community_jobs','job_training','social_enterprise'])[k],
       'public', y, '', 500 + k * 100, 'daily', true, true, '[]', '', now(), '', ''
FROM generate_series(2010, 2016) y, generate_series(1, 8) k;

INSERT INTO employers_vacancy (title, description, employment_type, wage_amount, wage_unit,
    monthly_wage, weekly_hours, work_place, openings, required_education, status, created_at,
    employer_id, occupation_id, career, career_min_years, district, external_url,
    national_posting_number, source)
SELECT 'BENCH 공고 ' || i, '', 'full_time', 2500000, 'monthly', 2500000, 40, '', 1, '', 'open', now(),
       e.ids[1 + i %% array_length(e.ids, 1)], (SELECT min(id) FROM references_occupation),
       'any', 0, '', '', '', 'local'
FROM generate_series(1, 2000) i,
     (SELECT array_agg(id ORDER BY id) ids FROM employers_employer WHERE name LIKE 'BENCH%%') e;

INSERT INTO placements_placement (resident_id, source, sector, employer_id, agreement_id, program_id,
    started_on, monthly_wage, guro_resident_at_hire, dong_at_hire_id, gender, age_at_hire, recorded_at,
    status, cancelled_at, cancellation_reason)
SELECT r.ids[1 + s.i %% array_length(r.ids, 1)], s.src,
       CASE WHEN s.src = 'program' THEN 'public' ELSE 'private' END,
       CASE WHEN s.src = 'vacancy' THEN e.ids[1 + s.i %% array_length(e.ids, 1)] END,
       CASE WHEN s.src = 'agreement' THEN a.ids[1 + s.i %% array_length(a.ids, 1)] END,
       CASE WHEN s.src = 'program' THEN p.ids[1 + (extract(year FROM s.started)::int - 2010) * 8 + s.i %% 8] END,
       s.started,
       CASE WHEN s.i %% 17 = 0 THEN NULL ELSE 1000000 + (s.i * 37 %% 300) * 10000 END,
       s.i %% 10 <> 0,
       CASE WHEN s.i %% 10 = 0 THEN NULL ELSE d.ids[1 + s.i %% array_length(d.ids, 1)] END,
       CASE WHEN s.i %% 2 = 0 THEN 'female' ELSE 'male' END, 18 + s.i %% 50, now(),
       CASE WHEN s.i %% 50 = 7 THEN 'cancelled' ELSE 'standing' END,
       CASE WHEN s.i %% 50 = 7 THEN now() END,
       CASE WHEN s.i %% 50 = 7 THEN '벤치: 잘못 기록된 채용' ELSE '' END
FROM (SELECT i,
             CASE WHEN i %% 10 < 4 THEN 'program' WHEN i %% 10 < 6 THEN 'agreement' ELSE 'vacancy' END src,
             date '2010-01-01' + (i::bigint * 7919 %% 2557)::int started
      FROM generate_series(1, %(placements)s) i) s,
     (SELECT array_agg(id ORDER BY id) ids FROM residents_resident) r,
     (SELECT array_agg(id ORDER BY id) ids FROM employers_employer WHERE name LIKE 'BENCH%%') e,
     (SELECT array_agg(id ORDER BY id) ids FROM employers_agreement WHERE title LIKE 'BENCH%%') a,
     (SELECT array_agg(id ORDER BY year, code) ids FROM programs_program WHERE code LIKE 'bench-%%') p,
     (SELECT array_agg(id ORDER BY id) ids FROM references_administrativedong) d;

INSERT INTO placements_placement_priority_groups (placement_id, prioritygroup_id)
SELECT pl.id, g.ids[1 + pl.id %% array_length(g.ids, 1)]
FROM placements_placement pl, (SELECT array_agg(id ORDER BY id) ids FROM references_prioritygroup) g
WHERE pl.id %% 3 = 0;

INSERT INTO placements_retentioncheck (placement_id, months_after_start, due_on, checked_on,
    still_employed, note)
SELECT pl.id, m, pl.started_on + m * 30,
       CASE WHEN (pl.id + m) %% 4 <> 0 THEN pl.started_on + m * 30 END,
       CASE WHEN (pl.id + m) %% 4 <> 0 THEN pl.id %% 5 <> 0 END, ''
FROM placements_placement pl CROSS JOIN (VALUES (1), (3), (6), (12)) v(m)
WHERE pl.id %% 2 = 0;

INSERT INTO placements_jobapplication (status, created_at, status_changed_at, resident_id, vacancy_id)
SELECT CASE WHEN i %% 7 = 0 THEN 'referred' WHEN i %% 3 = 0 THEN 'hired' ELSE 'applied' END,
       timestamptz '2010-01-01 10:00+09' + (i::bigint * 7919 %% 2557)::int * interval '1 day',
       timestamptz '2010-01-01 10:00+09' + (i::bigint * 7919 %% 2557)::int * interval '1 day',
       r.ids[1 + i %% array_length(r.ids, 1)], v.ids[1 + (i / array_length(r.ids, 1)) %% array_length(v.ids, 1)]
FROM generate_series(1, %(placements)s / 2) i,
     (SELECT array_agg(id ORDER BY id) ids FROM residents_resident) r,
     (SELECT array_agg(id ORDER BY id) ids FROM employers_vacancy) v;

INSERT INTO programs_programapplication (status, decision_reason, applied_at, program_id, resident_id)
SELECT (ARRAY['applied','eligible','selected','active','completed','dropped','waitlisted'])[1 + i %% 7], '',
       make_timestamptz(2010 + (q.k / 8), 1, 10, 10, 0, 0, 'Asia/Seoul') + (i %% 300) * interval '1 day',
       p.ids[1 + q.k], r.ids[1 + i %% array_length(r.ids, 1)]
FROM (SELECT i, (i / %(residents)s) %% 56 k FROM generate_series(1, %(placements)s / 5) i) q(i, k),
     (SELECT array_agg(id ORDER BY year, code) ids FROM programs_program WHERE code LIKE 'bench-%%') p,
     (SELECT array_agg(id ORDER BY id) ids FROM residents_resident) r;
"""


def seed(placements, *, generator=False):
    """Fill the bench database with `placements` placements and what goes with them."""
    source = None
    if not generator and "seed_demo" in get_commands():
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE residents_resident RESTART IDENTITY CASCADE")
        command = [sys.executable, "manage.py", "seed_demo", "--placements", str(placements), "--seed", "1"]
        if subprocess.run(command, cwd=BASE_DIR).returncode == 0:
            source = "seed_demo"
        else:
            print("seed_demo failed; using the bench generator instead", file=sys.stderr)
    if source is None:
        residents = max(10_000, placements // 10)
        with connection.cursor() as cursor:
            cursor.execute(GENERATOR_SQL, {"placements": placements, "residents": residents})
        source = "bench generator"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return source


# ---- the floor: the same breakdowns, hand-written GROUP BY queries -----------------------------

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


def timed(function):
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def memory_kib(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


def worker_run():
    """Run the nightly task on a real worker; return its idle and peak RSS (KiB) and the runtime."""
    hostname = f"bench-worker-{os.getpid()}@localhost"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "guro_jobs",
            "worker",
            "--pool",
            "solo",
            "--loglevel",
            "WARNING",
            "--hostname",
            hostname,
        ],
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not celery_app.control.ping(destination=[hostname], timeout=1):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the bench worker did not start")
        idle = memory_kib(process.pid, "VmRSS")
        from reports.tasks import recompute_all_dashboards

        started = time.perf_counter()
        recompute_all_dashboards.delay().get(timeout=3600)
        elapsed = time.perf_counter() - started
        return {
            "idle_rss_kib": idle,
            "peak_rss_kib": memory_kib(process.pid, "VmHWM"),
            "task_seconds": elapsed,
        }
    finally:
        process.terminate()
        process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--placements", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--generator", action="store_true", help="seed with the SQL generator, not seed_demo")
    parser.add_argument("--current-year", type=int, help="also time the recompute of this one year alone")
    parser.add_argument("--no-worker", action="store_true", help="skip the Celery worker memory run")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to the PostgreSQL bench database (see the docstring).")
    if not args.no_worker and not os.environ.get("CELERY_BROKER_URL"):
        sys.exit("Set CELERY_BROKER_URL (Redis) for the worker memory run, or pass --no-worker.")
    celery_app.conf.task_always_eager = False
    call_command("migrate", verbosity=0)

    results = []
    for placements in args.placements:
        started = time.perf_counter()
        source = seed(placements, generator=args.generator)
        seeded = time.perf_counter() - started
        services.store_all_snapshots()  # warm the caches the same way for all sides
        floor_all_years()
        one_pass_floor()
        equal, total, differences = compare_figures()
        current_year = args.current_year or max(selectors.dashboard_years(include_placement_years=True))
        recompute, floor, one_pass, current = [], [], [], []
        for _ in range(args.repeat):
            recompute.append(timed(services.store_all_snapshots))
            floor.append(timed(floor_all_years))
            one_pass.append(timed(one_pass_floor))
            current.append(timed(functools.partial(services.store_snapshot, year=current_year)))
        with CaptureQueriesContext(connection) as queries:
            services.store_all_snapshots()
        result = {
            "placements": placements,
            "data_source": source,
            "seed_seconds": round(seeded, 1),
            "years": len(selectors.dashboard_years(include_placement_years=True)),
            "recompute_seconds": round(min(recompute), 3),
            "recompute_queries": len(queries),
            "floor_seconds": round(min(floor), 3),
            "ratio": round(min(recompute) / min(floor), 2),
            "one_pass_floor_seconds": round(min(one_pass), 3),
            "one_pass_ratio": round(min(recompute) / min(one_pass), 2),
            "figures_equal": f"{equal} of {total}",
            "first_differences": [str(difference) for difference in differences],
            "current_year": current_year,
            "current_year_seconds": round(min(current), 3),
        }
        if not args.no_worker:
            result["worker"] = worker_run()
        results.append(result)
        print(json.dumps(result, ensure_ascii=False), flush=True)

    with_worker = [r for r in results if "worker" in r]
    if len(with_worker) >= 2:
        small, large = with_worker[0], with_worker[-1]
        print(
            f"peak worker memory {large['placements']:,} vs {small['placements']:,}: "
            f"{large['worker']['peak_rss_kib'] / small['worker']['peak_rss_kib']:.2f}×"
        )
    out = BASE_DIR / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "dashboard_recompute.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
