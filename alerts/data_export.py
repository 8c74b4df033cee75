"""A resident's saved vacancies (관심 공고) in their own personal-data download (PIPA right of
access). Registered with residents.data_export from AlertsConfig.ready, so residents never imports
this module."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from residents.data_export import _record


def saved_vacancy_records(resident):
    from alerts.models import SavedVacancy

    saved = SavedVacancy.objects.filter(resident=resident).select_related("vacancy__employer")
    return [
        {
            _("채용 공고"): item.vacancy.title,
            _("기업"): item.vacancy.employer.name,
            **_record(item, ["saved_at", "reminded_at"]),
        }
        for item in saved.order_by("saved_at", "id")
    ]


def register():
    from residents.data_export import register_section

    register_section(
        key="saved_vacancies",
        title=gettext_lazy("관심 공고"),
        models=["alerts.SavedVacancy"],
        builder=saved_vacancy_records,
    )
