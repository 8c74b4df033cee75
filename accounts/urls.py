from django.urls import path

from accounts import views

app_name = "accounts"

# The resident's sign-up (accounts:signup) is added to this namespace by guro_jobs/urls.py from
# residents/account_urls.py: accounts cannot import residents.

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("2fa/", views.SecondFactorView.as_view(), name="second_factor"),
    path("privacy/", views.privacy, name="privacy"),
]
