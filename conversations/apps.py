from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "conversations"
    verbose_name = _("지원 메시지")

    def ready(self):
        from conversations import data_export, me_panel

        me_panel.register()
        data_export.register()
