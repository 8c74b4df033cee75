from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, apps=None, **kwargs):
    from accounts.roles import sync_role_permissions

    if apps is not None:
        sync_role_permissions(apps)
        return
    # `flush` (after transactional tests) sends post_migrate without `apps`: use the real
    # registry, and give back the models_module flags sync_role_permissions toggles.
    from django.apps import apps as global_apps

    saved = {config.label: config.models_module for config in global_apps.get_app_configs()}
    try:
        sync_role_permissions(global_apps)
    finally:
        for config in global_apps.get_app_configs():
            config.models_module = saved[config.label]


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("계정·권한")

    def ready(self):
        # Keep role permissions complete when later migrations add models.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="accounts_sync_roles")
