from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferencesConfig(AppConfig):
    name = "references"
    verbose_name = _("기준 정보")

    def ready(self):
        from spreadsheets import registry as spreadsheets

        spreadsheets.register(
            "occupations",
            label=_("직종(한국고용직업분류)"),
            resource="references.resources.OccupationResource",
            model="references.Occupation",
            holds_personal_data=False,
        )
