from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("맞춤 채용 알림")

    def ready(self):
        from alerts import selectors
        from alerts.data_export import register
        from residents import me_panels

        register()  # a resident's download includes their saved vacancies

        me_panels.register(
            "saved_vacancies",
            order=40,
            template="alerts/me_panel_saved_vacancies.html",
            context=lambda request, resident: {
                "saved_vacancies": list(selectors.saved_vacancies_of(resident))
            },
        )
