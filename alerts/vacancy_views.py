"""A resident saves the vacancy search they see (vacancies:save_search), and whether the search page
offers it. employers owns the page but sits below alerts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import View

from alerts import services as alert_services
from alerts.selectors import saved_among_sql, saved_vacancy_ids_of
from employers.forms import SavedSearchForm
from residents.permissions import (
    ResidentRequiredMixin,
    read_along_with_resident,
    resident_of_request,
    values_read_with_resident,
)


def prepare_vacancy_list(request, vacancy_ids):
    """Ask for which of the page's vacancies the resident saved in the query that reads them."""
    read_along_with_resident(request, "saved_vacancy_ids", *saved_among_sql(vacancy_ids))


def vacancy_list_context(request, vacancy_ids):
    """The search page offers "save this search" to residents (employers/page_extras.py), and its
    rows' 관심 공고 buttons (saved_vacancies.with_saved_vacancy_buttons) show which of them they saved:
    None for a visitor who is not a resident (no buttons)."""
    resident = resident_of_request(request)
    if resident is None:
        return {"is_resident": False, "saved_vacancy_ids_of_rows": None}
    saved = values_read_with_resident(request).get("saved_vacancy_ids")
    if saved is None:  # the resident was read before prepare_vacancy_list asked
        saved = saved_vacancy_ids_of(resident) & set(vacancy_ids)
    return {"is_resident": True, "saved_vacancy_ids_of_rows": set(saved)}


class SaveSearchView(ResidentRequiredMixin, View):
    def post(self, request):
        form = SavedSearchForm(request.POST)
        query = form.data.get("query", "")
        try:
            saved = alert_services.save_search(resident=self.resident, query=query)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("vacancies:list")
        messages.success(request, _("검색 조건을 저장했습니다. 새 공고가 올라오면 메일로 알려 드립니다."))
        # The normalised query, never the raw input, goes into the redirect.
        return redirect(
            f"{reverse('vacancies:list')}?{saved.query}" if saved.query else reverse("vacancies:list")
        )
