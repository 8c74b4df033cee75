from django.urls import path

from residents import views

app_name = "residents"

# Withdrawing a job application (placements/resident_urls.py) is added to this namespace by
# guro_jobs/urls.py.

urlpatterns = [
    path("", views.MeView.as_view(), name="me"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("data.json", views.DataDownloadView.as_view(), {"fmt": "json"}, name="data_json"),
    path("data.csv", views.DataDownloadView.as_view(), {"fmt": "csv"}, name="data_csv"),
    path("delete/", views.DeletionRequestView.as_view(), name="delete"),
    path("mail/", views.MailPreferencesView.as_view(), name="mail"),
    path("mail/phone/", views.PhoneConfirmationView.as_view(), name="confirm_phone"),
    path(
        "consent/provision/withdraw/", views.WithdrawProvisionConsentView.as_view(), name="withdraw_provision"
    ),
]
