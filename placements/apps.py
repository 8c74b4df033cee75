from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "placements"
    verbose_name = _("취업·사후관리")

    def ready(self):
        # residents and employers sit below placements: it adds itself to their pages and rules here.
        from placements import services
        from residents import anonymisation

        anonymisation.register("placements", services.erase_personal_notes)
