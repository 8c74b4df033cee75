from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "casework"
    verbose_name = _("사례 관리")

    def ready(self):
        from casework.data_export import register

        register()  # a resident's download includes their case records
