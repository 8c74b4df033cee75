from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "employers"
    verbose_name = _("기업·채용")

    def ready(self):
        from employers import page_cache
        from spreadsheets import registry as spreadsheets

        page_cache.connect()
        spreadsheets.register(
            "employers",
            label=_("기업"),
            resource="employers.resources.EmployerResource",
            model="employers.Employer",
            holds_personal_data=False,
        )
        spreadsheets.register(
            "vacancies",
            label=_("채용 공고"),
            resource="employers.resources.VacancyResource",
            model="employers.Vacancy",
            holds_personal_data=False,
        )
