from django.urls import path

from accounts import views
from residents.views import SignupView

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("signup/", SignupView.as_view(), name="signup"),
    path("privacy/", views.privacy, name="privacy"),
]
