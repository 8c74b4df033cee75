from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "placements"
    verbose_name = _("취업·사후관리")

    def ready(self):
        from placements import matching
        from residents import me_panels

        me_panels.register(
            "recommended_vacancies",
            order=30,
            template="placements/me_panel_recommendations.html",
            context=lambda request, resident: {
                "recommendations": matching.recommendations_for_resident_page(resident)
            },
        )
