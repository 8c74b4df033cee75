from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("맞춤 채용 알림")

    def ready(self):
        # employers sits below alerts: the vacancy search offers "save this search" through its hook.
        from alerts import data_export, selectors, vacancy_views
        from employers import page_extras
        from residents import me_panels

        page_extras.register(
            "vacancy_list",
            "alerts",
            vacancy_views.vacancy_list_context,
            prepare=vacancy_views.prepare_vacancy_list,
        )
        data_export.register()  # a resident's own download includes these records
        me_panels.register(
            "saved_vacancies",
            order=45,
            template="alerts/me_panel_saved_vacancies.html",
            context=lambda request, resident: {
                "saved_vacancies": list(selectors.saved_vacancies_of(resident))
            },
        )
