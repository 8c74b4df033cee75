"""Added to the `residents` namespace (under me/) by guro_jobs/urls.py: residents cannot import placements."""

from django.urls import path

from placements import resident_views

urlpatterns = [
    path(
        "job-applications/<int:pk>/withdraw/",
        resident_views.WithdrawJobApplicationView.as_view(),
        name="withdraw_job_application",
    ),
]
