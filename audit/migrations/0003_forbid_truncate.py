"""On PostgreSQL, TRUNCATE of the access log is refused too, as UPDATE and DELETE are (0002).

A session that sets guro.allow_audit_log_truncate = 'on' may truncate: only the test database sets
it (tests/conftest.py), because Django empties every table between transactional tests. Like the
UPDATE/DELETE guard, this stops the application and mistaken commands; the table's owner can
still drop the trigger, so the database role the portal uses should not own the table in
production (docs/DEPLOY.md)."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_personaldataaccess_no_truncate() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('guro.allow_audit_log_truncate', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION '개인정보 접속 기록은 비울 수 없습니다.';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_personaldataaccess_no_truncate
    BEFORE TRUNCATE ON audit_personaldataaccess
    FOR EACH STATEMENT EXECUTE FUNCTION audit_personaldataaccess_no_truncate();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_personaldataaccess_no_truncate ON audit_personaldataaccess;
DROP FUNCTION IF EXISTS audit_personaldataaccess_no_truncate();
"""


def forbid(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def allow(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_forbid_update_delete")]

    operations = [migrations.RunPython(forbid, allow)]
