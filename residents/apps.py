from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResidentsConfig(AppConfig):
    name = "residents"
    verbose_name = _("구직자")

    def ready(self):
        from residents import me_panels, selectors

        me_panels.register(
            "profile_completeness",
            order=5,
            template="residents/me_panel_completeness.html",
            context=lambda request, resident: {"completeness": selectors.profile_completeness(resident)},
        )
