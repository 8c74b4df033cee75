"""Running tallies of the standing placements per start year, kept by PostgreSQL itself in the same
transaction as every write, so they can never disagree with the rows a transaction sees:

- placements_year_tally: placements per (start year, sector, agreement, employer, Guro resident
  at hire);
- placements_priority_tally: priority-group links per (start year, sector, group);
- placements_retention_tally: retention checks per (start year, months after start, checked,
  still employed).

Row triggers on every INSERT, UPDATE and DELETE of a placement, a priority-group link or a
retention check keep them (a placement's change of status, start date or sector moves its links
and checks with it), and TRUNCATE empties them. The dashboards' one-year recompute reads the
earlier years' running sums, the year's priority groups and its retention from them (a few
hundred rows) instead of joining every link and check of the year (reports/services/one_pass.py);
the all-years pass still reads the tables themselves, and the bench compares every figure of the
two. PostgreSQL only, and not models: on SQLite the recompute reads the tables as before. Absent
keys are stored as 0 (a primary key has no NULLs); a tally that falls to 0 stays, read as nothing.
"""

from django.db import migrations

CREATE = [
    """CREATE TABLE placements_year_tally (
        start_year integer NOT NULL,
        sector varchar(10) NOT NULL,
        agreement_id bigint NOT NULL,
        employer_id bigint NOT NULL,
        guro_resident_at_hire boolean NOT NULL,
        placements bigint NOT NULL,
        PRIMARY KEY (start_year, sector, agreement_id, employer_id, guro_resident_at_hire))""",
    """CREATE TABLE placements_priority_tally (
        start_year integer NOT NULL,
        sector varchar(10) NOT NULL,
        prioritygroup_id bigint NOT NULL,
        links bigint NOT NULL,
        PRIMARY KEY (start_year, sector, prioritygroup_id))""",
    """CREATE TABLE placements_retention_tally (
        start_year integer NOT NULL,
        months_after_start smallint NOT NULL,
        checked boolean NOT NULL,
        still_employed boolean NOT NULL,
        checks bigint NOT NULL,
        PRIMARY KEY (start_year, months_after_start, checked, still_employed))""",
    # One placement's links and checks added (sign 1) or taken away (sign -1) under its year and sector.
    """CREATE FUNCTION placements_tally_move(p_placement bigint, p_year integer, p_sector varchar, p_sign integer)
    RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO placements_priority_tally AS t
        SELECT p_year, p_sector, l.prioritygroup_id, p_sign * count(*)
        FROM placements_placement_priority_groups l WHERE l.placement_id = p_placement GROUP BY 3
        ON CONFLICT (start_year, sector, prioritygroup_id) DO UPDATE SET links = t.links + EXCLUDED.links;
        INSERT INTO placements_retention_tally AS t
        SELECT p_year, r.months_after_start, r.checked_on IS NOT NULL, COALESCE(r.still_employed, false),
               p_sign * count(*)
        FROM placements_retentioncheck r WHERE r.placement_id = p_placement GROUP BY 2, 3, 4
        ON CONFLICT (start_year, months_after_start, checked, still_employed)
        DO UPDATE SET checks = t.checks + EXCLUDED.checks;
    END $$""",
    """CREATE FUNCTION placements_tally_placement() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'standing' THEN
            UPDATE placements_year_tally SET placements = placements - 1
            WHERE start_year = EXTRACT(YEAR FROM OLD.started_on)::integer AND sector = OLD.sector
              AND agreement_id = COALESCE(OLD.agreement_id, 0) AND employer_id = COALESCE(OLD.employer_id, 0)
              AND guro_resident_at_hire = OLD.guro_resident_at_hire;
            IF TG_OP = 'DELETE' THEN
                PERFORM placements_tally_move(OLD.id, EXTRACT(YEAR FROM OLD.started_on)::integer, OLD.sector, -1);
            ELSIF NEW.status <> 'standing' OR NEW.sector <> OLD.sector
               OR EXTRACT(YEAR FROM NEW.started_on) <> EXTRACT(YEAR FROM OLD.started_on) THEN
                PERFORM placements_tally_move(OLD.id, EXTRACT(YEAR FROM OLD.started_on)::integer, OLD.sector, -1);
            END IF;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'standing' THEN
            INSERT INTO placements_year_tally AS t
            VALUES (EXTRACT(YEAR FROM NEW.started_on)::integer, NEW.sector, COALESCE(NEW.agreement_id, 0),
                    COALESCE(NEW.employer_id, 0), NEW.guro_resident_at_hire, 1)
            ON CONFLICT (start_year, sector, agreement_id, employer_id, guro_resident_at_hire)
            DO UPDATE SET placements = t.placements + 1;
            IF TG_OP = 'UPDATE' THEN
                IF OLD.status <> 'standing' OR NEW.sector <> OLD.sector
                   OR EXTRACT(YEAR FROM NEW.started_on) <> EXTRACT(YEAR FROM OLD.started_on) THEN
                    PERFORM placements_tally_move(NEW.id, EXTRACT(YEAR FROM NEW.started_on)::integer, NEW.sector, 1);
                END IF;
            END IF;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION placements_tally_link() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        p record;
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            SELECT started_on, sector, status INTO p FROM placements_placement WHERE id = OLD.placement_id;
            IF FOUND AND p.status = 'standing' THEN
                UPDATE placements_priority_tally SET links = links - 1
                WHERE start_year = EXTRACT(YEAR FROM p.started_on)::integer AND sector = p.sector
                  AND prioritygroup_id = OLD.prioritygroup_id;
            END IF;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            SELECT started_on, sector, status INTO p FROM placements_placement WHERE id = NEW.placement_id;
            IF FOUND AND p.status = 'standing' THEN
                INSERT INTO placements_priority_tally AS t
                VALUES (EXTRACT(YEAR FROM p.started_on)::integer, p.sector, NEW.prioritygroup_id, 1)
                ON CONFLICT (start_year, sector, prioritygroup_id) DO UPDATE SET links = t.links + 1;
            END IF;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION placements_tally_check() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        p record;
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            SELECT started_on, status INTO p FROM placements_placement WHERE id = OLD.placement_id;
            IF FOUND AND p.status = 'standing' THEN
                UPDATE placements_retention_tally SET checks = checks - 1
                WHERE start_year = EXTRACT(YEAR FROM p.started_on)::integer
                  AND months_after_start = OLD.months_after_start AND checked = (OLD.checked_on IS NOT NULL)
                  AND still_employed = COALESCE(OLD.still_employed, false);
            END IF;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            SELECT started_on, status INTO p FROM placements_placement WHERE id = NEW.placement_id;
            IF FOUND AND p.status = 'standing' THEN
                INSERT INTO placements_retention_tally AS t
                VALUES (EXTRACT(YEAR FROM p.started_on)::integer, NEW.months_after_start,
                        NEW.checked_on IS NOT NULL, COALESCE(NEW.still_employed, false), 1)
                ON CONFLICT (start_year, months_after_start, checked, still_employed)
                DO UPDATE SET checks = t.checks + 1;
            END IF;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION placements_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_TABLE_NAME = 'placements_placement' THEN
            TRUNCATE placements_year_tally, placements_priority_tally, placements_retention_tally;
        ELSIF TG_TABLE_NAME = 'placements_placement_priority_groups' THEN
            TRUNCATE placements_priority_tally;
        ELSE
            TRUNCATE placements_retention_tally;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER placements_tally AFTER INSERT OR DELETE
        OR UPDATE OF status, started_on, sector, agreement_id, employer_id, guro_resident_at_hire
        ON placements_placement FOR EACH ROW EXECUTE FUNCTION placements_tally_placement()""",
    """CREATE TRIGGER placements_tally AFTER INSERT OR DELETE OR UPDATE
        ON placements_placement_priority_groups FOR EACH ROW EXECUTE FUNCTION placements_tally_link()""",
    """CREATE TRIGGER placements_tally AFTER INSERT OR DELETE
        OR UPDATE OF placement_id, months_after_start, checked_on, still_employed
        ON placements_retentioncheck FOR EACH ROW EXECUTE FUNCTION placements_tally_check()""",
    *(
        f"CREATE TRIGGER placements_tally_truncate AFTER TRUNCATE ON {table}"
        " FOR EACH STATEMENT EXECUTE FUNCTION placements_tally_truncate()"
        for table in (
            "placements_placement",
            "placements_placement_priority_groups",
            "placements_retentioncheck",
        )
    ),
    # What is there already, counted once (the triggers above hold writes off until this commits).
    """INSERT INTO placements_year_tally
        SELECT EXTRACT(YEAR FROM started_on)::integer, sector, COALESCE(agreement_id, 0),
               COALESCE(employer_id, 0), guro_resident_at_hire, count(*)
        FROM placements_placement WHERE status = 'standing' GROUP BY 1, 2, 3, 4, 5""",
    """INSERT INTO placements_priority_tally
        SELECT EXTRACT(YEAR FROM p.started_on)::integer, p.sector, l.prioritygroup_id, count(*)
        FROM placements_placement_priority_groups l JOIN placements_placement p ON p.id = l.placement_id
        WHERE p.status = 'standing' GROUP BY 1, 2, 3""",
    """INSERT INTO placements_retention_tally
        SELECT EXTRACT(YEAR FROM p.started_on)::integer, r.months_after_start, r.checked_on IS NOT NULL,
               COALESCE(r.still_employed, false), count(*)
        FROM placements_retentioncheck r JOIN placements_placement p ON p.id = r.placement_id
        WHERE p.status = 'standing' GROUP BY 1, 2, 3, 4""",
]

DROP = [
    *(
        f"DROP TRIGGER IF EXISTS {trigger} ON {table}"
        for table in (
            "placements_placement",
            "placements_placement_priority_groups",
            "placements_retentioncheck",
        )
        for trigger in ("placements_tally", "placements_tally_truncate")
    ),
    "DROP FUNCTION IF EXISTS placements_tally_placement()",
    "DROP FUNCTION IF EXISTS placements_tally_link()",
    "DROP FUNCTION IF EXISTS placements_tally_check()",
    "DROP FUNCTION IF EXISTS placements_tally_truncate()",
    "DROP FUNCTION IF EXISTS placements_tally_move(bigint, integer, varchar, integer)",
    "DROP TABLE IF EXISTS placements_year_tally, placements_priority_tally, placements_retention_tally",
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
