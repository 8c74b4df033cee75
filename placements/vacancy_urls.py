"""Added to the `vacancies` namespace by guro_jobs/urls.py (employers cannot import placements)."""

from django.urls import path

from placements import vacancy_views

urlpatterns = [
    path("<int:pk>/apply/", vacancy_views.VacancyApplyView.as_view(), name="apply"),
]
