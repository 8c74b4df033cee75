"""Staff see only threads where one side asked for help; the thread itself opens in the portal,
which writes each read to the access log."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from conversations import selectors
from conversations.models import Thread


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["application", "help_requested_at", "help_requested_by", "help_note", "open_thread"]
    list_filter = ["help_requested_at"]
    search_fields = [
        "application__resident__name",
        "application__vacancy__title",
        "application__vacancy__employer__name",
    ]
    list_display_links = None

    def get_queryset(self, request):
        return selectors.threads_needing_help()

    @admin.display(description=_("대화"))
    def open_thread(self, thread):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("conversations:thread", args=[thread.application_id]),
            _("대화 읽기"),
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
