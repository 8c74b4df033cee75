"""Migration operations the apps share."""

from django.db import migrations


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """An index that exists only on PostgreSQL (a GIN trigram index for icontains searches; elsewhere
    the same search runs as a plain LIKE scan). The index is the database's alone, not part of the
    models' state: SQLite rebuilds a table to alter it (a later AddField) from that state, and would
    try to create a GIN index it cannot have."""

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
