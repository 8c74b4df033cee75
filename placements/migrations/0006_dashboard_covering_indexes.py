"""Covering indexes for the dashboards' one-year recompute (reports/services/one_pass.py), on
PostgreSQL only: the standing placements by start date with every column the breakdowns group by,
and the job applications by time with what the funnel counts, so those reads are index-only scans
of the year's entries instead of visiting every page of the tables (a year's rows are spread over
all of them). SQLite has no INCLUDE columns; there the same queries read the tables as before.
Kept out of the models' state, like the trigram indexes (see employers/migrations/0005)."""

from django.db import migrations

INDEXES = {
    "placement_standing_by_start": (
        "CREATE INDEX IF NOT EXISTS placement_standing_by_start ON placements_placement (started_on)"
        " INCLUDE (id, sector, dong_at_hire_id, program_id, agreement_id, employer_id,"
        " guro_resident_at_hire, monthly_wage) WHERE status = 'standing'"
    ),
    "application_by_time_covering": (
        "CREATE INDEX IF NOT EXISTS application_by_time_covering ON placements_jobapplication (created_at)"
        " INCLUDE (resident_id, status, referred_by_id)"
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in INDEXES.values():
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("placements", "0005_application_resume_and_applicant_note")]

    operations = [migrations.RunPython(create, drop)]
