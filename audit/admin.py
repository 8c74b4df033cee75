from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import selectors
from audit.models import PersonalDataAccess


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    """Read-only for everyone, superusers included: the log cannot be changed from the application."""

    list_display = [
        "occurred_at",
        "account_label",
        "ip_address",
        "action",
        "resident_label",
        "target",
        "row_count",
        "detail",
    ]
    list_filter = ["action", "occurred_at"]
    search_fields = ["account_label", "resident_label", "ip_address", "detail", "target"]
    date_hierarchy = "occurred_at"
    list_per_page = 100
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "review_url": reverse("admin:audit_monthly_review")}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        view = self.admin_site.admin_view(self.monthly_review_view)
        return [path("review/", view, name="audit_monthly_review")] + super().get_urls()

    def monthly_review_view(self, request):
        """Unusual use in a month: accounts that viewed many residents, exported or deleted."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        try:
            year, month = (int(part) for part in request.GET.get("month", "").split("-"))
            if not 1 <= month <= 12:
                raise ValueError
        except ValueError:
            year, month = today.year, today.month
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("%(year)s년 %(month)s월 개인정보 이용 점검") % {"year": year, "month": month},
            "month_value": f"{year:04d}-{month:02d}",
            "uses": selectors.unusual_use(year, month),
            "exports": selectors.exports_in_month(year, month),
            "threshold": settings.AUDIT_MANY_VIEWS_THRESHOLD,
        }
        return TemplateResponse(request, "admin/audit/personaldataaccess/monthly_review.html", context)
