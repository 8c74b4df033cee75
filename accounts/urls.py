from django.urls import path

from accounts import views
from accounts.ratelimit import limit_per_client_ip
from residents.views import SignupView

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("2fa/", views.SecondFactorView.as_view(), name="second_factor"),
    # Sign-up says whether an email or phone already has an account: limited per client address.
    path("signup/", limit_per_client_ip("signup", "SIGNUP_RATE_LIMIT")(SignupView.as_view()), name="signup"),
    path("privacy/", views.privacy, name="privacy"),
]
