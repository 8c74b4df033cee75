from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "conversations"
    verbose_name = _("지원 메시지")

    def ready(self):
        from conversations import me_panel, privacy
        from residents import anonymisation

        me_panel.register()
        privacy.register()
        anonymisation.register("conversations", privacy.anonymise)
