from django.urls import path

from accounts import views
from accounts.ratelimit import limit_per_client_ip

app_name = "accounts"
TOO_MANY = "accounts/password_reset_too_many.html"

# The resident's sign-up (accounts:signup) is added to this namespace by guro_jobs/urls.py from
# residents/account_urls.py: accounts cannot import residents.

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("2fa/", views.SecondFactorView.as_view(), name="second_factor"),
    path("privacy/", views.privacy, name="privacy"),
    # Password reset: limited per client address here, and per email or phone in the view.
    path(
        "password-reset/",
        limit_per_client_ip("password_reset", "PASSWORD_RESET_RATE_LIMIT", template=TOO_MANY)(
            views.PasswordResetRequestView.as_view()
        ),
        name="password_reset",
    ),
    path("password-reset/sent/", views.password_reset_sent, name="password_reset_sent"),
    path(
        "password-reset/code/",
        limit_per_client_ip("password_reset_code", "PASSWORD_RESET_CODE_RATE_LIMIT", template=TOO_MANY)(
            views.PasswordResetCodeView.as_view()
        ),
        name="password_reset_code",
    ),
    path("password-reset/new/", views.PasswordResetNewPasswordView.as_view(), name="password_reset_new"),
    path("password-reset/done/", views.password_reset_done, name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
]
