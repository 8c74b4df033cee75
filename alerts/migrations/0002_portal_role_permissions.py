"""Give the role groups their permissions on the job-alert models (accounts/roles.py)."""

from django.db import migrations

from accounts.roles import sync_role_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_initial"),
        ("accounts", "0003_role_groups"),
    ]
    operations = [migrations.RunPython(sync_role_permissions, migrations.RunPython.noop)]
