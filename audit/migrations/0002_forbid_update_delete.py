"""A database-level guard: on PostgreSQL, UPDATE and DELETE on the access log are refused.

(TRUNCATE is left to the database owner, e.g. for test databases; the application never
issues it.) SQLite, used only for local development and unit tests, gets no trigger.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_personaldataaccess_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '개인정보 접속 기록은 수정하거나 삭제할 수 없습니다.';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_personaldataaccess_append_only
    BEFORE UPDATE OR DELETE ON audit_personaldataaccess
    FOR EACH ROW EXECUTE FUNCTION audit_personaldataaccess_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_personaldataaccess_append_only ON audit_personaldataaccess;
DROP FUNCTION IF EXISTS audit_personaldataaccess_append_only();
"""


def forbid(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def allow(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_personal_data_access")]

    operations = [migrations.RunPython(forbid, allow)]
