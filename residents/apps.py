from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _restart_retention_clock(sender, user, **kwargs):
    from residents.services import record_resident_activity

    record_resident_activity(user=user)


class ResidentsConfig(AppConfig):
    name = "residents"
    verbose_name = _("구직자")

    def ready(self):
        from accounts.signals import signed_in_on_login_page

        # A resident who signs in is active: the retention period in the consent counts from then.
        signed_in_on_login_page.connect(_restart_retention_clock, dispatch_uid="residents_retention_clock")

        from residents import me_panels, selectors

        me_panels.register(
            "profile_completeness",
            order=5,
            template="residents/me_panel_completeness.html",
            context=lambda request, resident: {"completeness": selectors.profile_completeness(resident)},
        )
