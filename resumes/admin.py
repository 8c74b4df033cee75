"""Staff read resumes in the admin (each opening logged); the resident writes them on /me/resumes/."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.admin_mixins import LogsResidentAccessMixin
from resumes.models import CareerEntry, CertificateEntry, EducationEntry, LanguageEntry, Resume


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class EducationInline(ReadOnlyInline):
    model = EducationEntry


class CareerInline(ReadOnlyInline):
    model = CareerEntry


class CertificateInline(ReadOnlyInline):
    model = CertificateEntry


class LanguageInline(ReadOnlyInline):
    model = LanguageEntry


@admin.register(Resume)
class ResumeAdmin(LogsResidentAccessMixin, admin.ModelAdmin):
    list_display = ["title", "resident", "is_default", "file_name", "scan_status", "updated_at"]
    list_filter = ["is_default", "scan_status"]
    search_fields = ["title", "resident__name"]
    list_select_related = ["resident"]
    autocomplete_fields = ["resident"]
    readonly_fields = ["file_link", "file_kind", "file_size", "scan_status", "created_at", "updated_at"]
    inlines = [EducationInline, CareerInline, CertificateInline, LanguageInline]

    @admin.display(description=_("첨부 파일"))
    def file_link(self, obj):
        if not obj.has_file:
            return "-"
        return format_html('<a href="{}">{}</a>', reverse("resumes:file", args=[obj.pk]), obj.file_name)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
