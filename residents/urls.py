from django.urls import path

from residents import views

app_name = "residents"

urlpatterns = [
    path("", views.MeView.as_view(), name="me"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("data.json", views.DataDownloadView.as_view(), {"fmt": "json"}, name="data_json"),
    path("data.csv", views.DataDownloadView.as_view(), {"fmt": "csv"}, name="data_csv"),
    path("delete/", views.DeletionRequestView.as_view(), name="delete"),
    path("mail/", views.MailPreferencesView.as_view(), name="mail"),
    path(
        "job-applications/<int:pk>/withdraw/",
        views.WithdrawJobApplicationView.as_view(),
        name="withdraw_job_application",
    ),
    path(
        "consent/provision/withdraw/", views.WithdrawProvisionConsentView.as_view(), name="withdraw_provision"
    ),
]
