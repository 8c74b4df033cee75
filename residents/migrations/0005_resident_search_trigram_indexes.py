"""Trigram indexes for the staff's resident search (name, phone, email: Django's icontains, which
PostgreSQL runs as UPPER(column) LIKE UPPER('%…%')). A search of three or more characters (a full
name, part of a phone number) reads the index instead of every row; shorter ones still scan."""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from guro_jobs.migration_operations import AddIndexOnPostgreSQL


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
