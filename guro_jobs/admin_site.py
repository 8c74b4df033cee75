"""The staff admin site: the second factor on its login form, and the readiness page."""

import functools
import hashlib

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, path, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django_otp import match_token

from guro_jobs.health import readiness_report
from guro_jobs.security import has_enrolled_device, is_fully_authenticated


class StaffLoginForm(AdminAuthenticationForm):
    """Password, and the authenticator app's code for staff and managers who enrolled a device;
    those who have not are sent to enrolment before any page opens (SecondFactorRequiredMiddleware)."""

    otp_token = forms.CharField(
        label=_("인증 코드(OTP)"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_(
            "2단계 인증을 등록한 직원·관리자는 인증 앱의 6자리 코드를 입력합니다. "
            "처음 로그인할 때는 비워 두면 등록 화면으로 안내합니다."
        ),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "otp_required": _("2단계 인증을 등록한 계정입니다. 인증 앱의 6자리 코드를 입력해 주세요."),
        "otp_invalid": _("인증 코드가 맞지 않거나 만료되었습니다. 인증 앱의 새 코드를 입력해 주세요."),
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        # Without a device yet, the password opens the enrolment page and nothing else (middleware).
        if user is not None and has_enrolled_device(user):
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

    def login(self, request, extra_context=None):
        """A manager who signs in here for the admin's front page lands on the dashboard instead
        (district staff keep the admin); any other page asked for is kept."""
        response = super().login(request, extra_context)
        user = request.user
        if (
            request.method == "POST"
            and response.status_code == 302
            and user.is_authenticated
            and user.is_manager
            and not user.is_district_staff
            and response["Location"] == reverse("admin:index")
        ):
            return redirect("reports:dashboard")
        return response

    def each_context(self, request):
        """Django's, except that the list of every app and model the user may open (permission
        checks and two URL reversals per model: a tenth of a staff list's time) is built only
        when a page draws it, and the sidebar that draws it is kept in the cache per user,
        permissions, language and page (templates/admin/nav_sidebar.html)."""
        script_name = request.META["SCRIPT_NAME"]
        site_url = script_name if self.site_url == "/" and script_name else self.site_url
        return {
            "site_title": self.site_title,
            "site_header": self.site_header,
            "site_url": site_url,
            "has_permission": self.has_permission(request),
            "available_apps": SimpleLazyObject(lambda: self.get_app_list(request)),
            "is_popup": False,
            "is_nav_sidebar_enabled": self.enable_nav_sidebar,
            # Only the front page shows recent actions; building the query on every page cost more
            # than a list's header.
            "log_entries": SimpleLazyObject(lambda: self.get_log_entries(request)),
            "nav_sidebar_key": SimpleLazyObject(lambda: self.nav_sidebar_key(request)),
            # How long the sidebar and a list's filters stay kept (0 with PAGE_CACHE_SECONDS=0).
            "admin_fragment_seconds": min(ADMIN_FRAGMENT_SECONDS, settings.PAGE_CACHE_SECONDS),
            "admin_docs_url": admin_docs_url(get_urlconf(), get_script_prefix()),
        }

    @staticmethod
    def nav_sidebar_key(request):
        """What the admin's sidebar depends on (also a kept list page's, residents.admin_kept_list)."""
        return nav_sidebar_key(request)

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


ADMIN_FRAGMENT_SECONDS = 300


@functools.cache
def admin_docs_url(urlconf, script_prefix):
    """The admin documentation's address ("" without django.contrib.admindocs), for the header's
    links: Django's base.html reverses it on every page, and a reverse() that fails costs more than
    drawing the rest of the header."""
    try:
        return reverse("django-admindocs-docroot", urlconf=urlconf)
    except NoReverseMatch:
        return ""


def nav_sidebar_key(request):
    """What the admin's sidebar depends on: who (and with which permissions) on which page."""
    user = request.user
    permissions = "all" if user.is_superuser else ",".join(sorted(user.get_all_permissions()))
    digest = hashlib.sha256(permissions.encode()).hexdigest()[:16]
    return f"{user.pk}:{digest}:{request.path}"
