from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("일자리 사업")

    def ready(self):
        # residents sits below programs: programs adds itself to the resident's pages and rules here.
        from programs import services
        from residents import anonymisation

        anonymisation.register("programs", services.erase_personal_notes)
