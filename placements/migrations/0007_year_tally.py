"""Running tallies of the standing placements per start year, kept by PostgreSQL itself in the same
transaction as every write, so they can never disagree with the rows a transaction sees:

- placements_year_tally: placements per (start year, sector, agreement, employer, Guro resident
  at hire);
- placements_priority_tally: priority-group links per (start year, sector, group);
- placements_retention_tally: retention checks per (start year, months after start, checked,
  still employed).

Statement triggers on every INSERT, UPDATE and DELETE of a placement, a priority-group link or a
retention check append what the statement changed, aggregated from its transition tables (a
placement's change of status, start date or sector moves its links and checks with it), and
TRUNCATE empties them. Rows are only ever appended (+n / -n), never updated, so writers never wait
for each other on a tally row and a bulk load of a million rows appends a few thousand;
`placements_tally_compact()` (run by the nightly recompute) sums them up again. A tally is the sum
of its rows per key. The dashboards' one-year recompute reads the earlier years' running sums, the
year's priority groups and its retention from them instead of joining every link and check of the
year (reports/services/tallies.py); the all-years pass still reads the tables, and the bench
compares every figure of the two. PostgreSQL only, and not models: on SQLite the recompute reads
the tables as before. Absent keys are stored as 0.
"""

from django.db import migrations

PLACEMENT_KEY = (
    "EXTRACT(YEAR FROM {p}.started_on)::integer, {p}.sector, COALESCE({p}.agreement_id, 0),"
    " COALESCE({p}.employer_id, 0), {p}.guro_resident_at_hire"
)
CHECK_KEY = (
    "EXTRACT(YEAR FROM {p}.started_on)::integer, {r}.months_after_start, {r}.checked_on IS NOT NULL,"
    " COALESCE({r}.still_employed, false)"
)
LINK_KEY = "EXTRACT(YEAR FROM {p}.started_on)::integer, {p}.sector, {l}.prioritygroup_id"


def _placements_of(rows, sign):
    return f"SELECT {PLACEMENT_KEY.format(p='x')}, {sign} AS n FROM {rows} x WHERE x.status = 'standing'"


def _links_of_placements(rows, sign):
    return (
        f"SELECT {LINK_KEY.format(p='x', l='l')}, {sign} AS n FROM {rows} x"
        " JOIN placements_placement_priority_groups l ON l.placement_id = x.id WHERE x.status = 'standing'"
    )


def _checks_of_placements(rows, sign):
    return (
        f"SELECT {CHECK_KEY.format(p='x', r='r')}, {sign} AS n FROM {rows} x"
        " JOIN placements_retentioncheck r ON r.placement_id = x.id WHERE x.status = 'standing'"
    )


def _links(rows, sign):
    return (
        f"SELECT {LINK_KEY.format(p='p', l='x')}, {sign} AS n FROM {rows} x"
        " JOIN placements_placement p ON p.id = x.placement_id WHERE p.status = 'standing'"
    )


def _checks(rows, sign):
    return (
        f"SELECT {CHECK_KEY.format(p='p', r='x')}, {sign} AS n FROM {rows} x"
        " JOIN placements_placement p ON p.id = x.placement_id WHERE p.status = 'standing'"
    )


def _append(table, columns, *parts):
    """Append the statement's changes to a tally: the parts' (key…, ±1) rows summed per key."""
    names = ", ".join(f"c{n}" for n in range(1, columns + 1))
    return (
        f"INSERT INTO {table} SELECT {names}, sum(n) FROM ({' UNION ALL '.join(parts)}) d({names}, n)"
        f" GROUP BY {names} HAVING sum(n) <> 0;"
    )


YEAR, PRIORITY, RETENTION = "placements_year_tally", "placements_priority_tally", "placements_retention_tally"


def _function(name, inserted, updated, deleted):
    return f"""CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            {" ".join(inserted)}
        ELSIF TG_OP = 'UPDATE' THEN
            {" ".join(updated)}
        ELSE
            {" ".join(deleted)}
        END IF;
        RETURN NULL;
    END $$"""


PLACEMENTS_FUNCTION = _function(
    "placements_tally_placements",
    inserted=[_append(YEAR, 5, _placements_of("new_rows", 1))],
    updated=[
        _append(YEAR, 5, _placements_of("old_rows", -1), _placements_of("new_rows", 1)),
        _append(PRIORITY, 3, _links_of_placements("old_rows", -1), _links_of_placements("new_rows", 1)),
        _append(RETENTION, 4, _checks_of_placements("old_rows", -1), _checks_of_placements("new_rows", 1)),
    ],
    deleted=[
        _append(YEAR, 5, _placements_of("old_rows", -1)),
        _append(PRIORITY, 3, _links_of_placements("old_rows", -1)),
        _append(RETENTION, 4, _checks_of_placements("old_rows", -1)),
    ],
)
LINKS_FUNCTION = _function(
    "placements_tally_links",
    inserted=[_append(PRIORITY, 3, _links("new_rows", 1))],
    updated=[_append(PRIORITY, 3, _links("old_rows", -1), _links("new_rows", 1))],
    deleted=[_append(PRIORITY, 3, _links("old_rows", -1))],
)
CHECKS_FUNCTION = _function(
    "placements_tally_checks",
    inserted=[_append(RETENTION, 4, _checks("new_rows", 1))],
    updated=[_append(RETENTION, 4, _checks("old_rows", -1), _checks("new_rows", 1))],
    deleted=[_append(RETENTION, 4, _checks("old_rows", -1))],
)

TABLES = {
    "placements_placement": "placements_tally_placements",
    "placements_placement_priority_groups": "placements_tally_links",
    "placements_retentioncheck": "placements_tally_checks",
}


def _compact(table, keys):
    columns = ", ".join(keys)
    return (
        f"WITH moved AS (DELETE FROM {table} RETURNING *) INSERT INTO {table}"
        f" SELECT {columns}, sum(moved.{{count}}) FROM moved GROUP BY {columns} HAVING sum(moved.{{count}}) <> 0;"
    )


# Each tally as counted from the tables themselves (the rows the triggers' appends add up to).
COUNTED_FROM_TABLES = {
    YEAR: f"SELECT {PLACEMENT_KEY.format(p='x')}, count(*)"
    " FROM placements_placement x WHERE x.status = 'standing' GROUP BY 1, 2, 3, 4, 5",
    PRIORITY: f"SELECT {LINK_KEY.format(p='p', l='l')}, count(*)"
    " FROM placements_placement_priority_groups l JOIN placements_placement p ON p.id = l.placement_id"
    " WHERE p.status = 'standing' GROUP BY 1, 2, 3",
    RETENTION: f"SELECT {CHECK_KEY.format(p='p', r='r')}, count(*)"
    " FROM placements_retentioncheck r JOIN placements_placement p ON p.id = r.placement_id"
    " WHERE p.status = 'standing' GROUP BY 1, 2, 3, 4",
}
# Each tally's key columns and its count column.
TALLY_COLUMNS = {
    YEAR: (["start_year", "sector", "agreement_id", "employer_id", "guro_resident_at_hire"], "placements"),
    PRIORITY: (["start_year", "sector", "prioritygroup_id"], "links"),
    RETENTION: (["start_year", "months_after_start", "checked", "still_employed"], "checks"),
}

CREATE = [
    f"""CREATE TABLE {YEAR} (
        start_year integer NOT NULL,
        sector varchar(10) NOT NULL,
        agreement_id bigint NOT NULL,
        employer_id bigint NOT NULL,
        guro_resident_at_hire boolean NOT NULL,
        placements bigint NOT NULL)""",
    f"CREATE INDEX {YEAR}_by_year ON {YEAR} (start_year)",
    f"""CREATE TABLE {PRIORITY} (
        start_year integer NOT NULL,
        sector varchar(10) NOT NULL,
        prioritygroup_id bigint NOT NULL,
        links bigint NOT NULL)""",
    f"CREATE INDEX {PRIORITY}_by_year ON {PRIORITY} (start_year)",
    f"""CREATE TABLE {RETENTION} (
        start_year integer NOT NULL,
        months_after_start smallint NOT NULL,
        checked boolean NOT NULL,
        still_employed boolean NOT NULL,
        checks bigint NOT NULL)""",
    f"CREATE INDEX {RETENTION}_by_year ON {RETENTION} (start_year)",
    PLACEMENTS_FUNCTION,
    LINKS_FUNCTION,
    CHECKS_FUNCTION,
    f"""CREATE FUNCTION placements_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_TABLE_NAME = 'placements_placement' THEN
            TRUNCATE {YEAR}, {PRIORITY}, {RETENTION};
        ELSIF TG_TABLE_NAME = 'placements_placement_priority_groups' THEN
            TRUNCATE {PRIORITY};
        ELSE
            TRUNCATE {RETENTION};
        END IF;
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION placements_tally_compact() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
        {" ".join(_compact(table, keys).format(count=count) for table, (keys, count) in TALLY_COLUMNS.items())}
    END $$""",
    *(
        statement
        for table, function in TABLES.items()
        for statement in (
            f"CREATE TRIGGER placements_tally_insert AFTER INSERT ON {table}"
            f" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
            f"CREATE TRIGGER placements_tally_update AFTER UPDATE ON {table}"
            " REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"
            f" FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
            f"CREATE TRIGGER placements_tally_delete AFTER DELETE ON {table}"
            f" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
            f"CREATE TRIGGER placements_tally_truncate AFTER TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION placements_tally_truncate()",
        )
    ),
    # What is there already, counted once (the triggers above hold writes off until this commits).
    *(f"INSERT INTO {table} {counted}" for table, counted in COUNTED_FROM_TABLES.items()),
]

DROP = [
    *(
        f"DROP TRIGGER IF EXISTS placements_tally_{event} ON {table}"
        for table in TABLES
        for event in ("insert", "update", "delete", "truncate")
    ),
    *(f"DROP FUNCTION IF EXISTS {function}()" for function in TABLES.values()),
    "DROP FUNCTION IF EXISTS placements_tally_truncate()",
    "DROP FUNCTION IF EXISTS placements_tally_compact()",
    f"DROP TABLE IF EXISTS {YEAR}, {PRIORITY}, {RETENTION}",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in CREATE:
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("placements", "0006_dashboard_covering_indexes")]

    operations = [migrations.RunPython(create, drop)]
