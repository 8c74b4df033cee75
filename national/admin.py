from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from guro_jobs.tasks_util import enqueue
from national.models import SyncRun
from national.tasks import sync_national_vacancies


@admin.register(SyncRun)
class SyncRunAdmin(admin.ModelAdmin):
    """The feed's runs, newest first: when, what came in, what went wrong."""

    list_display = ["started_at", "finished_at", "status", "origin", "fetched", "created", "updated", "closed",
                    "duplicates", "skipped", "short_errors"]  # fmt: skip
    list_filter = ["status", "origin"]
    search_fields = ["errors"]
    readonly_fields = [field.name for field in SyncRun._meta.fields]
    actions = ["sync_now"]

    @admin.display(description=_("오류"))
    def short_errors(self, run):
        return (run.errors[:80] + "…") if len(run.errors) > 80 else run.errors

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("지금 고용24와 동기화"))
    def sync_now(self, request, queryset):
        result = enqueue(sync_national_vacancies)
        self.message_user(request, result.message, messages.SUCCESS if result.accepted else messages.ERROR)
