from django.contrib.auth import views as auth_views
from django.shortcuts import render

from accounts.forms import LoginForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


def privacy(request):
    return render(request, "accounts/privacy.html")
