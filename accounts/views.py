from django.contrib.auth import views as auth_views
from django.shortcuts import render, resolve_url

from accounts.forms import LoginForm
from residents.services import record_resident_activity


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        record_resident_activity(user=form.get_user())
        return response

    def get_default_redirect_url(self):
        """Each role lands on its own start page unless a `next` page was asked for."""
        user = self.request.user
        if user.is_employer_user:
            return resolve_url("employer:home")
        if user.is_resident_user:
            return resolve_url("residents:me")
        if user.is_staff:
            return resolve_url("admin:index")
        return super().get_default_redirect_url()


class LogoutView(auth_views.LogoutView):
    pass


def privacy(request):
    return render(request, "accounts/privacy.html")
