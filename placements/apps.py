from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "placements"
    verbose_name = _("취업·사후관리")

    def ready(self):
        from placements.data_export import register
        from placements.services import forget_application_resumes
        from residents import anonymisation

        register()  # a resident's download includes the resumes sent with applications
        anonymisation.register("application_resumes", forget_application_resumes)
