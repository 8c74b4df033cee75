from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView

from accounts import password_reset, second_factor
from accounts.forms import (
    LoginForm,
    PasswordResetCodeForm,
    PasswordResetRequestForm,
    PortalSetPasswordForm,
    SecondFactorForm,
)
from accounts.lockout import normal_login_form
from accounts.ratelimit import minutes_until_allowed
from accounts.signals import signed_in_on_login_page
from guro_jobs.security import has_enrolled_device, is_verified, needs_second_factor
from guro_jobs.validators import mask_phone


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


# Password reset (accounts/password_reset.py). The session remembers which number a code was sent
# to and how many tries were made, the same way whether or not an account has that number.
RESET_PHONE_KEY = "password_reset_phone"
RESET_TRIES_KEY = "password_reset_tries"
RESET_USER_KEY = "password_reset_user"


@method_decorator(never_cache, name="dispatch")
class PasswordResetRequestView(FormView):
    template_name = "accounts/password_reset_form.html"
    form_class = PasswordResetRequestForm

    def form_valid(self, form):
        try:
            channel, identity = password_reset.reset_channel(form.cleaned_data["identifier"])
        except ValidationError as error:
            form.add_error("identifier", error.message_dict["identifier"])
            return self.form_invalid(form)
        # One count per identity whatever its spelling: the login lockout's normal form.
        minutes = minutes_until_allowed(
            "password_reset_identity", normal_login_form(identity), "PASSWORD_RESET_IDENTITY_RATE_LIMIT"
        )
        if minutes:
            return render(
                self.request, "accounts/password_reset_too_many.html", {"minutes": minutes}, status=429
            )
        password_reset.request_password_reset(identifier=identity, request=self.request)
        session = self.request.session
        for key in (RESET_PHONE_KEY, RESET_TRIES_KEY, RESET_USER_KEY):
            session.pop(key, None)
        if channel == password_reset.EMAIL:
            return redirect("accounts:password_reset_sent")
        session[RESET_PHONE_KEY] = identity
        session[RESET_TRIES_KEY] = 0
        return redirect("accounts:password_reset_code")


def password_reset_sent(request):
    return render(
        request, "accounts/password_reset_sent.html", {"minutes": settings.PASSWORD_RESET_TIMEOUT // 60}
    )


@method_decorator(never_cache, name="dispatch")
class PasswordResetCodeView(FormView):
    template_name = "accounts/password_reset_code.html"
    form_class = PasswordResetCodeForm

    def dispatch(self, request, *args, **kwargs):
        if not request.session.get(RESET_PHONE_KEY):
            return redirect("accounts:password_reset")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        phone = self.request.session[RESET_PHONE_KEY]
        return super().get_context_data(
            masked_phone=mask_phone(phone),
            minutes=settings.PASSWORD_RESET_CODE_MINUTES,
            **kwargs,
        )

    def form_valid(self, form):
        session = self.request.session
        tries = session.get(RESET_TRIES_KEY, 0)
        if tries >= settings.PASSWORD_RESET_CODE_TRIES:
            form.add_error("code", _("인증번호를 너무 많이 틀렸습니다. 처음부터 다시 요청해 주세요."))
            return self.form_invalid(form)
        user = password_reset.check_reset_code(
            phone=session[RESET_PHONE_KEY], code=form.cleaned_data["code"], request=self.request
        )
        if user is None:
            session[RESET_TRIES_KEY] = tries + 1
            left = settings.PASSWORD_RESET_CODE_TRIES - tries - 1
            if left <= 0:
                form.add_error("code", _("인증번호를 너무 많이 틀렸습니다. 처음부터 다시 요청해 주세요."))
            else:
                form.add_error(
                    "code",
                    _("인증번호가 맞지 않거나 만료되었습니다. (남은 횟수 %(left)s번)") % {"left": left},
                )
            return self.form_invalid(form)
        session.pop(RESET_PHONE_KEY, None)
        session.pop(RESET_TRIES_KEY, None)
        session[RESET_USER_KEY] = [user.pk, timezone.now().timestamp()]
        return redirect("accounts:password_reset_new")


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class PasswordResetNewPasswordView(FormView):
    """The new password after a correct text code (the code, not the account, is in the session)."""

    template_name = "accounts/password_reset_new_password.html"
    form_class = PortalSetPasswordForm

    def dispatch(self, request, *args, **kwargs):
        from accounts.models import User

        user_id, verified_at = request.session.get(RESET_USER_KEY) or (None, 0)
        # A correct code opens the form for as long as a code lives, no longer.
        if timezone.now().timestamp() - verified_at > settings.PASSWORD_RESET_CODE_MINUTES * 60:
            user_id = None
        self.user = User.objects.filter(pk=user_id, is_active=True).first()
        if self.user is None:
            request.session.pop(RESET_USER_KEY, None)
            return redirect("accounts:password_reset")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.user}

    def form_valid(self, form):
        password_reset.complete_password_reset(
            user=self.user,
            password=form.cleaned_data["new_password1"],
            channel=password_reset.TEXT,
            request=self.request,
        )
        self.request.session.pop(RESET_USER_KEY, None)
        return redirect("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The mail link: Django's token check, then the new password through the same service."""

    template_name = "accounts/password_reset_new_password.html"
    form_class = PortalSetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        password_reset.complete_password_reset(
            user=self.user,
            password=form.cleaned_data["new_password1"],
            channel=password_reset.EMAIL,
            request=self.request,
        )
        self.request.session.pop(auth_views.INTERNAL_RESET_SESSION_TOKEN, None)
        return redirect(self.success_url)


def password_reset_done(request):
    return render(request, "accounts/password_reset_done.html")
