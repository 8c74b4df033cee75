"""A resident's saved searches and the alerts sent for them in their own data download
(residents/data_export.py, PIPA right of access); registered from AlertsConfig.ready()."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alerts.models import SavedSearch
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


def register():
    register_section(
        key="saved_searches",
        title=gettext_lazy("맞춤 채용 알림"),
        models=["alerts.SavedSearch", "alerts.SentAlert"],
        builder=_saved_searches,
        order=80,
    )
