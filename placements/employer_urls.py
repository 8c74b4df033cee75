"""Added to the `employer` namespace by guro_jobs/urls.py (employers cannot import placements)."""

from django.urls import path

from placements import employer_views

urlpatterns = [
    path("vacancies/<int:pk>/", employer_views.EmployerVacancyDetailView.as_view(), name="vacancy"),
    path(
        "applications/<int:pk>/move/", employer_views.MoveApplicationView.as_view(), name="application_move"
    ),
    path(
        "applications/<int:pk>/hire/", employer_views.HireConfirmationView.as_view(), name="application_hire"
    ),
    path(
        "applications/<int:pk>/cancel-hire/",
        employer_views.HireCancellationView.as_view(),
        name="application_cancel_hire",
    ),
]
