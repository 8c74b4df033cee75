from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, apps=None, **kwargs):
    from accounts.roles import sync_role_permissions

    # `flush` (run after every transactional test) sends post_migrate without `apps`.
    if apps is None:
        from django.apps import apps
    sync_role_permissions(apps)


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("계정·권한")

    def ready(self):
        # Keep role permissions complete when later migrations add models.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="accounts_sync_roles")
