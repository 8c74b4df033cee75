from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResumesConfig(AppConfig):
    name = "resumes"
    verbose_name = _("이력서")

    def ready(self):
        from resumes import hooks

        hooks.connect()
