from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView, View

from alerts import services
from alerts.models import SavedSearch
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
