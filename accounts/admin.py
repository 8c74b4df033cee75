from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.shortcuts import get_object_or_404
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime, now
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from accounts.authentication import token_expires_at
from accounts.models import PasswordResetEvent, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = [
        "username",
        "last_name",
        "first_name",
        "email",
        "employer",
        "is_staff",
        "is_active",
        "last_login",
    ]
    list_filter = ["groups", "is_staff", "is_active"]
    search_fields = ["username", "first_name", "last_name", "email", "employer__name"]
    autocomplete_fields = ["employer"]
    list_select_related = ["employer"]
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("포털"), {"fields": ["employer", "mail_opt_outs", "notice_channel", "phone"]}),
    )


class PortalTOTPDeviceAdmin(TOTPDeviceAdmin):
    """django-otp's device admin, with 404 (not 500) for the QR code and setup pages of a device
    that does not exist."""

    def config_view(self, request, pk):
        get_object_or_404(TOTPDevice, pk=pk)
        return super().config_view(request, pk)

    def qrcode_view(self, request, pk):
        get_object_or_404(TOTPDevice, pk=pk)
        return super().qrcode_view(request, pk)


admin.site.unregister(TOTPDevice)
admin.site.register(TOTPDevice, PortalTOTPDeviceAdmin)


class ExpiringTokenAdmin(TokenAdmin):
    """API tokens: when each stops working (API_TOKEN_EXPIRY_DAYS); deleting one revokes it at once."""

    list_display = ["key", "user", "created", "expires"]

    @admin.display(description=_("만료 시각"))
    def expires(self, token):
        when = token_expires_at(token)
        return format_html(
            "{}{}", date_format(localtime(when), "Y-m-d H:i"), _(" (만료됨)") if when <= now() else ""
        )


admin.site.unregister(TokenProxy)
admin.site.register(TokenProxy, ExpiringTokenAdmin)


@admin.register(PasswordResetEvent)
class PasswordResetEventAdmin(admin.ModelAdmin):
    """Who reset a password, when, by which channel and from where: read only."""

    list_display = ["occurred_at", "account_label", "channel", "step", "ip_address"]
    list_filter = ["channel", "step", "occurred_at"]
    search_fields = ["account_label"]
    date_hierarchy = "occurred_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
