"""`seed_demo`: the domain modules composed in one transaction."""

import time
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from guro_jobs.demo.context import Context
from guro_jobs.demo.employers import create_employers, create_vacancies
from guro_jobs.demo.interviews import create_interviews, create_job_fair
from guro_jobs.demo.placements import (
    create_agreement_placements,
    create_program_placements,
    create_vacancy_placements,
)
from guro_jobs.demo.plans import plan_placements, plan_targets
from guro_jobs.demo.programs import create_programs
from guro_jobs.demo.residents import create_residents
from guro_jobs.demo.resumes import create_resumes
from guro_jobs.demo.tools import Spreader, Tables, allocate


@dataclass
class DemoCounts:
    residents: int
    employers: int
    vacancies: int
    applications: int
    program_applications: int
    placements: int


def default_counts(residents):
    """Counts proportional to the residents: 2,000 residents → 100 employers, 300 vacancies …"""
    return DemoCounts(
        residents=residents,
        employers=max(5, residents // 20),
        vacancies=max(10, residents * 3 // 20),
        applications=residents,
        program_applications=residents,
        placements=residents * 3 // 4,
    )


@dataclass
class DemoSummary:
    counts: dict = field(default_factory=dict)
    seconds: float = 0.0


def seed_demo(*, counts, seed, today):
    """Fill the database with demo data in one transaction; the same counts and seed give the same data."""
    began = time.perf_counter()
    with transaction.atomic():
        set_based = _skip_row_by_row_foreign_key_checks()
        made = _generate(counts=counts, seed=seed, today=today)
        if set_based:
            check_foreign_keys(Tables.MODELS)
    return DemoSummary(counts=made, seconds=time.perf_counter() - began)


def _skip_row_by_row_foreign_key_checks():
    """PostgreSQL checks each inserted row's foreign keys with one query per row at commit: most of
    the time of a large run. A superuser may switch those triggers off for this transaction (as
    pg_restore does); the keys are then checked once per column, set-based. Returns whether it did."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('is_superuser') = 'on'")
        if not cursor.fetchone()[0]:
            return False
        cursor.execute("SET LOCAL session_replication_role = replica")
    return True


def check_foreign_keys(models):
    """Raise IntegrityError if any row of these tables points at a row that does not exist."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = origin")
        for model in models:  # fresh statistics let the planner use the key indexes (and skip empty keys)
            cursor.execute(f'ANALYZE "{model._meta.db_table}"')
        for model in models:
            for field in model._meta.concrete_fields:
                if not field.is_relation:
                    continue
                target = field.target_field
                table, column = model._meta.db_table, field.column
                parent, key = target.model._meta.db_table, target.column
                cursor.execute(
                    f'SELECT c."{column}" FROM "{table}" c WHERE c."{column}" IS NOT NULL AND NOT EXISTS '
                    f'(SELECT 1 FROM "{parent}" p WHERE p."{key}" = c."{column}") LIMIT 1'
                )
                missing = cursor.fetchone()
                if missing:
                    raise IntegrityError(f"{table}.{column} = {missing[0]}: no such row in {parent}")


def _generate(*, counts, seed, today):
    if counts.residents < 1 and (counts.placements or counts.applications or counts.program_applications):
        raise ValidationError(_("지원·실적을 만들려면 구직자가 한 명 이상 있어야 합니다."))
    ctx = Context(seed, today)
    public_targets, private_targets = plan_targets()
    create_residents(ctx, counts.residents)
    employers, agreements = create_employers(ctx, counts.employers)
    programs = create_programs(ctx, public_targets)
    vacancies = create_vacancies(ctx, counts.vacancies, employers, private_targets)
    vacancy_hires, agreement_plans, program_counts = plan_placements(
        ctx, counts.placements, public_targets, private_targets, vacancies, agreements, programs
    )
    residents = len(ctx.r_id)

    hires = sum(vacancy_hires)
    linked_jobs = min(counts.applications, hires)
    weights = [
        0.0 if v.status in ("draft", "pending_review") else 4.0 if v.current and v.status == "open" else 1.0
        for v in vacancies
    ]
    caps = [residents - n for n in vacancy_hires]
    unplaced_jobs = allocate(counts.applications - linked_jobs, weights, ctx.rng, caps)
    create_vacancy_placements(ctx, vacancies, vacancy_hires, unplaced_jobs, Spreader(linked_jobs, hires))

    create_agreement_placements(ctx, agreement_plans)

    in_programs = sum(program_counts)
    linked_programs = min(counts.program_applications, in_programs)
    caps = [residents - n for n in program_counts]
    unplaced = allocate(
        counts.program_applications - linked_programs, [p.capacity for p in programs], ctx.rng, caps
    )
    create_program_placements(ctx, programs, program_counts, unplaced, Spreader(linked_programs, in_programs))
    ctx.tables.flush()
    made = ctx.tables.counts()
    made["Program"] = ctx.created_programs
    made["Resume"] = create_resumes(ctx, seed)
    made["Interview"] = create_interviews(ctx, vacancies)
    made["HiringEvent"] = create_job_fair(ctx, employers, vacancies)
    return made
