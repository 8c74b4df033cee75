"""Give the role groups their permissions on the resume models (accounts/roles.py)."""

from django.db import migrations

from accounts.roles import sync_role_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("resumes", "0001_initial"),
        ("accounts", "0004_api_token_permissions"),
    ]
    operations = [migrations.RunPython(sync_role_permissions, migrations.RunPython.noop)]
