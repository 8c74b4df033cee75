"""The staff admin site: a second factor for staff who enrolled one, and the readiness page."""

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django_otp import match_token

from guro_jobs.health import readiness_report
from guro_jobs.security import is_fully_authenticated, needs_second_factor


class StaffLoginForm(AdminAuthenticationForm):
    """Password for everyone; the authenticator app's code as well for staff with a confirmed device."""

    otp_token = forms.CharField(
        label=_("인증 코드(OTP)"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("2단계 인증을 등록한 직원은 인증 앱의 6자리 코드를 입력합니다."),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "otp_required": _("2단계 인증을 등록한 계정입니다. 인증 앱의 6자리 코드를 입력해 주세요."),
        "otp_invalid": _("인증 코드가 맞지 않거나 만료되었습니다. 인증 앱의 새 코드를 입력해 주세요."),
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and needs_second_factor(user):
            token = (cleaned_data.get("otp_token") or "").strip()
            if not token:
                raise forms.ValidationError(self.error_messages["otp_required"], code="otp_required")
            with transaction.atomic():  # device verification locks the device row
                device = match_token(user, token)
            if device is None:
                raise forms.ValidationError(self.error_messages["otp_invalid"], code="otp_invalid")
            # django_otp's user_logged_in handler records the verified device in the session.
            user.otp_device = device
        return cleaned_data


class GuroAdminSite(admin.AdminSite):
    login_form = StaffLoginForm
    login_template = "admin/guro_login.html"

    def has_permission(self, request):
        # A staff member with a TOTP device who signed in elsewhere without it is sent to this login.
        return super().has_permission(request) and is_fully_authenticated(request.user)

    def get_urls(self):
        return [
            path("readiness/", self.admin_view(self.readiness_view), name="readiness"),
            *super().get_urls(),
        ]

    def readiness_view(self, request):
        """Database, broker, workers online and queue length, for staff; never a 500.
        (admin_view already adds the login check and never_cache.)"""
        context = {
            **self.each_context(request),
            "title": _("운영 상태"),
            "report": readiness_report(),
        }
        return TemplateResponse(request, "admin/readiness.html", context)
