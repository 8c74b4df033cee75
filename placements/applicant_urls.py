from django.urls import path

from placements import applicant_views

app_name = "employer_applicants"

urlpatterns = [
    path("applications/<int:pk>/resume/", applicant_views.ApplicantResumeView.as_view(), name="resume"),
    path(
        "applications/<int:pk>/resume/file/",
        applicant_views.ApplicantResumeFileView.as_view(),
        name="resume_file",
    ),
    path(
        "vacancies/<int:pk>/applicants.xlsx",
        applicant_views.ApplicantsDownloadView.as_view(),
        name="download",
    ),
]
