"""A resident's saved searches with the alerts sent for them, and their saved vacancies (관심 공고),
in their own data download (residents/data_export.py, PIPA right of access); registered from
AlertsConfig.ready(), so residents never imports this module."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alerts.models import SavedSearch, SavedVacancy
from residents.data_export import _record, register_section, when


def _saved_searches(resident):
    searches = SavedSearch.objects.filter(resident=resident).prefetch_related("sent_alerts__vacancy")
    return [
        {
            **_record(search, ["query", "created_at", "last_sent_at"]),
            _("발송한 채용 알림"): [
                {_("채용 공고"): sent.vacancy.title, _("발송 일시"): when(sent.sent_at)}
                for sent in search.sent_alerts.all()
            ],
        }
        for search in searches
    ]


def saved_vacancy_records(resident):
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
    register_section(
        key="saved_searches",
        title=gettext_lazy("맞춤 채용 알림"),
        models=["alerts.SavedSearch", "alerts.SentAlert"],
        builder=_saved_searches,
        order=80,
    )
    register_section(
        key="saved_vacancies",
        title=gettext_lazy("관심 공고"),
        models=["alerts.SavedVacancy"],
        builder=saved_vacancy_records,
        order=85,
    )
