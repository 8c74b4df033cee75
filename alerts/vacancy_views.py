"""A resident saves the vacancy search they see (vacancies:save_search), and whether the search page
offers it. employers owns the page but sits below alerts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import View

from alerts import services as alert_services
from employers.forms import SavedSearchForm
from residents.permissions import ResidentRequiredMixin, resident_of_request


def vacancy_list_context(request):
    """The search page offers "save this search" to residents (employers/page_extras.py)."""
    return {"is_resident": resident_of_request(request) is not None}


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
