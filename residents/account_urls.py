"""The resident's sign-up page, served under accounts/ beside login (URL name `accounts:signup`).

`accounts` sits below `residents`, so it cannot route to this view; the project's URL wiring
(guro_jobs/urls.py) adds these patterns to the `accounts` namespace."""

from django.urls import path

from accounts.ratelimit import limit_per_client_ip
from residents.views import SignupView

urlpatterns = [
    # Sign-up says whether an email or phone already has an account: limited per client address.
    path("signup/", limit_per_client_ip("signup", "SIGNUP_RATE_LIMIT")(SignupView.as_view()), name="signup"),
]
