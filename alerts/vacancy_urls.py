"""Added to the `vacancies` namespace by guro_jobs/urls.py (employers cannot import alerts)."""

from django.urls import path

from alerts import vacancy_views

urlpatterns = [
    path("save-search/", vacancy_views.SaveSearchView.as_view(), name="save_search"),
]
