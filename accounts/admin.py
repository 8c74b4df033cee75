from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import User


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
    fieldsets = BaseUserAdmin.fieldsets + ((_("포털"), {"fields": ["employer", "mail_opt_outs"]}),)
