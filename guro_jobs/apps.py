from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuroJobsConfig(AppConfig):
    name = "guro_jobs"
    verbose_name = _("포털 공통")
