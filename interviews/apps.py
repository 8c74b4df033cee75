from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "interviews"
    verbose_name = _("면접·채용박람회")

    def ready(self):
        from interviews import me_panel, privacy
        from residents import anonymisation

        me_panel.register()
        privacy.register()
        anonymisation.register("interviews", privacy.anonymise)
