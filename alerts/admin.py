from django.contrib import admin

from alerts.models import SavedSearch, SavedVacancy, SentAlert
from audit.admin_mixins import LogsResidentAccessMixin


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["resident", "query", "created_at", "last_sent_at"]
    list_filter = ["last_sent_at"]
    search_fields = ["resident__name", "query"]
    list_select_related = ["resident"]
    autocomplete_fields = ["resident"]


@admin.register(SentAlert)
class SentAlertAdmin(admin.ModelAdmin):
    list_display = ["saved_search", "vacancy", "sent_at"]
    list_filter = ["sent_at"]
    search_fields = ["vacancy__title", "saved_search__resident__name"]
    list_select_related = ["saved_search__resident", "vacancy__employer"]
    autocomplete_fields = ["saved_search", "vacancy"]


@admin.register(SavedVacancy)
class SavedVacancyAdmin(LogsResidentAccessMixin, admin.ModelAdmin):
    """A resident's saved vacancies; opening one is logged against the resident."""

    list_display = ["resident", "vacancy", "saved_at", "reminded_at"]
    list_filter = ["reminded_at", "saved_at"]
    search_fields = ["vacancy__title", "resident__name"]
    list_select_related = ["resident", "vacancy__employer"]
    autocomplete_fields = ["resident", "vacancy"]
