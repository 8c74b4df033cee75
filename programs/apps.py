from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("일자리 사업")

    def ready(self):
        # residents sits below programs: programs adds itself to the resident's pages and rules here.
        from programs import data_export, selectors, services
        from residents import anonymisation, me_panels

        anonymisation.register("programs", services.erase_personal_notes)
        me_panels.register(
            "program_applications",
            order=30,
            template="programs/me_panel_applications.html",
            context=lambda request, resident: {
                "program_applications": selectors.program_applications_of(resident)
            },
        )
        data_export.register()  # a resident's own download includes these records
