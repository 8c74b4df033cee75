from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, apps=None, **kwargs):
    from django.apps import apps as global_apps

    from accounts.roles import sync_role_permissions

    # `flush` (after each transactional test) sends post_migrate without `apps`.
    sync_role_permissions(apps or global_apps)


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("계정·권한")

    def ready(self):
        # Keep role permissions complete when later migrations add models.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="accounts_sync_roles")
