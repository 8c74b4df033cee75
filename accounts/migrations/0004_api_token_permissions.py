from django.db import migrations

from accounts.roles import sync_role_permissions


class Migration(migrations.Migration):
    """District staff issue and revoke API tokens in the admin; give them the authtoken permissions."""

    dependencies = [
        ("accounts", "0003_role_groups"),
        ("authtoken", "0004_alter_tokenproxy_options"),
    ]

    operations = [migrations.RunPython(sync_role_permissions, migrations.RunPython.noop)]
