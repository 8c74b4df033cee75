"""Trigram indexes for the staff's resident search (name, phone, email: Django's icontains, which
PostgreSQL runs as UPPER(column) LIKE UPPER('%…%')). A search of three or more characters (a full
name, part of a phone number) reads the index instead of every row; shorter ones still scan."""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """A GIN trigram index exists only on PostgreSQL (as in employers 0005); it is the database's
    alone, not part of the models' state, so SQLite never tries to rebuild it with a table."""

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def trigram_index(field):
    return AddIndexOnPostgreSQL(
        model_name="resident",
        index=django.contrib.postgres.indexes.GinIndex(
            django.contrib.postgres.indexes.OpClass(
                django.db.models.functions.text.Upper(field), name="gin_trgm_ops"
            ),
            name=f"resident_{field}_trgm",
        ),
    )


class Migration(migrations.Migration):
    dependencies = [("residents", "0004_priority_verification")]

    operations = [TrigramExtension(), trigram_index("name"), trigram_index("phone"), trigram_index("email")]
