"""Reads of the running tallies PostgreSQL keeps of the standing placements per start year
(placements/migrations/0007_year_tally.py: triggers keep them in the same transaction as every
write, so they agree with the rows any transaction sees). One year's recompute reads the earlier
years' running sums, the year's priority groups and its retention from them, a few hundred rows,
instead of aggregating every earlier placement and joining every link and check of the year.
PostgreSQL only (`available()`); the rows have the shapes of the aggregates they stand for.
The triggers only append (+n / -n rows), so a tally is the sum of its rows per key; `compact()`
sums them up again (the nightly recompute runs it)."""

from django.db import connection, transaction

EARLIER_SQL = """
SELECT t.start_year, t.sector, NULLIF(t.agreement_id, 0), sum(t.placements),
       COALESCE(sum(t.placements) FILTER (WHERE t.guro_resident_at_hire), 0),
       COALESCE(sum(t.placements) FILTER (WHERE t.guro_resident_at_hire AND e.in_digital_valley), 0)
FROM placements_year_tally t LEFT JOIN employers_employer e ON e.id = t.employer_id
WHERE t.start_year < %s
GROUP BY 1, 2, 3 HAVING sum(t.placements) <> 0"""

PRIORITY_SQL = """
SELECT prioritygroup_id, sector, sum(links) FROM placements_priority_tally
WHERE start_year = %s GROUP BY 1, 2 HAVING sum(links) <> 0"""

RETENTION_SQL = """
SELECT months_after_start, sum(checks), COALESCE(sum(checks) FILTER (WHERE checked), 0),
       COALESCE(sum(checks) FILTER (WHERE still_employed), 0)
FROM placements_retention_tally WHERE start_year = %s GROUP BY 1 HAVING sum(checks) <> 0"""


def available():
    return connection.vendor == "postgresql"


def compact():
    """Sum each tally's appended rows per key into one row (exact while others write: rows of
    transactions not yet committed are left as they are)."""
    if available():
        with connection.cursor() as cursor:
            cursor.execute("SELECT placements_tally_compact()")


def differences():
    """Per tally, how many keys disagree with the tables they count ({} off PostgreSQL)."""
    if not available():
        return {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT tally, differing FROM placements_tally_differences()")
        return {tally: int(differing) for tally, differing in cursor.fetchall()}


def rebuild():
    """Count every tally again from the tables, writes to them held off meanwhile: for when the
    triggers did not run (a data-only restore with --disable-triggers)."""
    if available():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT placements_tally_rebuild()")


def _rows(sql, year):
    with connection.cursor() as cursor:
        cursor.execute(sql, [year])
        return cursor.fetchall()


def earlier_years(year):
    """The standing placements that started before `year`, per (start year, sector, agreement),
    with the Guro residents and the Digital Valley firms' Guro residents among them."""
    return [
        {
            "start_year": start_year,
            "sector": sector,
            "agreement_id": agreement_id,
            "count": int(count),
            "local": int(local),
            "valley_local": int(valley_local),
        }
        for start_year, sector, agreement_id, count, local, valley_local in _rows(EARLIER_SQL, year)
    ]


def priority_groups(year):
    """The year's standing placements' priority-group links per (group, sector)."""
    return [
        {"start_year": year, "prioritygroup_id": group, "sector": sector, "count": int(links)}
        for group, sector, links in _rows(PRIORITY_SQL, year)
    ]


def retention(year):
    """The year's standing placements' retention checks per months after start: scheduled,
    checked, still employed."""
    return [
        {
            "start_year": year,
            "months_after_start": months,
            "scheduled": int(scheduled),
            "checked": int(checked),
            "retained": int(retained),
        }
        for months, scheduled, checked, retained in _rows(RETENTION_SQL, year)
    ]
