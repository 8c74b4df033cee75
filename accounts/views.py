from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from accounts import second_factor
from accounts.forms import LoginForm, SecondFactorForm
from accounts.signals import signed_in_on_login_page
from guro_jobs.security import has_enrolled_device, is_verified, needs_second_factor


def start_page_for(user):
    """Each role's own start page: managers their dashboard, district staff the admin."""
    if user.is_employer_user:
        return resolve_url("employer:home")
    if user.is_resident_user:
        return resolve_url("residents:me")
    if user.is_manager and not user.is_district_staff:
        return resolve_url("reports:dashboard")
    if user.is_staff:
        return resolve_url("admin:index")
    return resolve_url("home")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        signed_in_on_login_page.send(sender=type(self), user=form.get_user())
        return response

    def get_success_url(self):
        """Staff and managers go on to the second factor, then where they were going."""
        url = super().get_success_url()
        if needs_second_factor(self.request.user):
            return f"{resolve_url('accounts:second_factor')}?{urlencode({'next': url})}"
        return url

    def get_default_redirect_url(self):
        """Each role lands on its own start page unless a `next` page was asked for."""
        return start_page_for(self.request.user)


class LogoutView(auth_views.LogoutView):
    pass


class SecondFactorView(LoginRequiredMixin, FormView):
    """Staff and managers: enrol an authenticator app on the first sign-in (QR code and secret),
    afterwards give its current code; either way the session is then verified."""

    template_name = "accounts/second_factor.html"
    form_class = SecondFactorForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and (not needs_second_factor(user) or is_verified(user)):
            return redirect(self.next_url())
        return super().dispatch(request, *args, **kwargs)

    def next_url(self):
        url = self.request.POST.get("next") or self.request.GET.get("next") or ""
        safe = url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        )
        if not safe or url.startswith(resolve_url("accounts:second_factor")):
            url = ""
        # A manager who signed in without asking for a page lands on the dashboard, not the admin.
        if not url or (url == resolve_url("admin:index") and not self.request.user.is_district_staff):
            return start_page_for(self.request.user)
        return url

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = {"next": self.next_url(), "enrolling": not has_enrolled_device(user)}
        if context["enrolling"]:
            device = second_factor.device_being_enrolled(user)
            context.update(
                qr_code_svg=second_factor.qr_code_svg(device), secret=second_factor.secret_of(device)
            )
        return super().get_context_data(**context, **kwargs)

    def form_valid(self, form):
        device = second_factor.verify_second_factor(
            request=self.request, token=form.cleaned_data["otp_token"]
        )
        if device is None:
            form.add_error(
                "otp_token", _("인증 코드가 맞지 않거나 만료되었습니다. 인증 앱의 새 코드를 입력해 주세요.")
            )
            return self.form_invalid(form)
        return redirect(self.next_url())


def privacy(request):
    return render(request, "accounts/privacy.html")
