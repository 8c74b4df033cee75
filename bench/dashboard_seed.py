"""The bench databases' data: the minimal SQL generator (INSERT … SELECT generate_series,
deterministic) or `manage.py seed_demo` where it exists. Used by bench/dashboard_recompute.py;
call it only with Django set up against a bench database (it TRUNCATEs)."""

import subprocess
import sys
from pathlib import Path

from django.core.management import get_commands
from django.db import connection

BASE_DIR = Path(__file__).resolve().parent.parent

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
    in_digital_valley, phone, created_at, description, website)
SELECT 'BENCH기업' || i, '', CASE WHEN i %% 3 = 0 THEN 'digital_valley' ELSE 'other' END, '', '', '',
       i %% 3 = 0, '', now(), '', ''
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
