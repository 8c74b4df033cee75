"""Two functions for the running tallies of 0007 (PostgreSQL only):

- placements_tally_rebuild(): count each tally again from the tables, holding writes to the
  placements, their priority-group links and retention checks off meanwhile (SHARE locks). For
  when the triggers did not run: a data-only restore with --disable-triggers, a COPY by hand with
  session_replication_role = replica.
- placements_tally_differences(): per tally, how many keys disagree with the tables (0 when in
  step), so `manage.py rebuild_dashboard_tallies --check` can say whether a rebuild is needed.
"""

import importlib

from django.db import migrations

year_tally = importlib.import_module("placements.migrations.0007_year_tally")

SOURCE_TABLES = ", ".join(year_tally.TABLES)


def _summed(table):
    keys, count = year_tally.TALLY_COLUMNS[table]
    columns = ", ".join(keys)
    return f"SELECT {columns}, sum({count}) FROM {table} GROUP BY {columns} HAVING sum({count}) <> 0"


def _differences(table):
    summed, counted = _summed(table), year_tally.COUNTED_FROM_TABLES[table]
    return (
        f"SELECT '{table}'::text, (SELECT count(*) FROM (({summed}) EXCEPT ALL ({counted})) a)"
        f" + (SELECT count(*) FROM (({counted}) EXCEPT ALL ({summed})) b)"
    )


CREATE = [
    f"""CREATE FUNCTION placements_tally_rebuild() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
        LOCK TABLE {SOURCE_TABLES} IN SHARE MODE;
        TRUNCATE {", ".join(year_tally.COUNTED_FROM_TABLES)};
        {" ".join(f"INSERT INTO {table} {counted};" for table, counted in year_tally.COUNTED_FROM_TABLES.items())}
    END $$""",
    f"""CREATE FUNCTION placements_tally_differences() RETURNS TABLE (tally text, differing bigint)
    LANGUAGE sql STABLE AS $$
        {" UNION ALL ".join(_differences(table) for table in year_tally.COUNTED_FROM_TABLES)}
    $$""",
]

DROP = [
    "DROP FUNCTION IF EXISTS placements_tally_rebuild()",
    "DROP FUNCTION IF EXISTS placements_tally_differences()",
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
    dependencies = [("placements", "0007_year_tally")]

    operations = [migrations.RunPython(create, drop)]
