"""The role groups and their permissions (accounts/roles.py declares them)."""

from django.db import migrations

from accounts.roles import sync_role_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("references", "0002_seed_reference_data"),
        ("residents", "0001_initial"),
        ("programs", "0002_plan_programs"),
        ("employers", "0002_dcube_city_agreement"),
        ("placements", "0001_initial"),
        ("reports", "0002_plan_figures"),
    ]
    operations = [migrations.RunPython(sync_role_permissions, migrations.RunPython.noop)]
