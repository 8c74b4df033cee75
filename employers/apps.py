from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "employers"
    verbose_name = _("기업·채용")

    def ready(self):
        from employers import page_cache

        page_cache.connect()
