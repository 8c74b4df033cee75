from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import ListView, View

from alerts import services
from alerts.models import SavedSearch
from employers.models import Vacancy
from residents.permissions import ResidentRequiredMixin


class SavedSearchListView(ResidentRequiredMixin, ListView):
    template_name = "alerts/saved_searches.html"
    context_object_name = "saved_searches"

    def get_queryset(self):
        return SavedSearch.objects.filter(resident=self.resident)


class SavedSearchDeleteView(ResidentRequiredMixin, View):
    def post(self, request, pk):
        saved_search = get_object_or_404(SavedSearch, pk=pk, resident=self.resident)
        services.delete_search(saved_search=saved_search)
        messages.success(request, _("저장한 검색 조건을 지웠습니다."))
        return redirect("alerts:list")


def _back(request, vacancy_pk):
    """Back to the page the button was on (a local address only), else the vacancy's page."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("vacancies:detail", pk=vacancy_pk)


class SaveVacancyView(ResidentRequiredMixin, View):
    """관심 공고 저장: the button on the vacancy list and page posts here."""

    def post(self, request, pk):
        vacancy = get_object_or_404(Vacancy, pk=pk)
        try:
            services.save_vacancy(resident=self.resident, vacancy=vacancy)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("관심 공고로 저장했습니다. 내 정보에서 볼 수 있습니다."))
        return _back(request, vacancy.pk)


class UnsaveVacancyView(ResidentRequiredMixin, View):
    def post(self, request, pk):
        vacancy = get_object_or_404(Vacancy, pk=pk)
        services.unsave_vacancy(resident=self.resident, vacancy=vacancy)
        messages.success(request, _("관심 공고에서 뺐습니다."))
        return _back(request, vacancy.pk)
