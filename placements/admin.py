import datetime

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Case, Value, When
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.admin_mixins import LogsResidentAccessMixin
from employers.models import Vacancy
from guro_jobs.admin_extension import extend_admin
from placements.admin_cancellation import HireCancellationAdminMixin
from placements.admin_matching import ResidentMatchingMixin, VacancyMatchingMixin
from placements.models import (
    JobApplication,
    JobApplicationEvent,
    Placement,
    RetentionCheck,
)
from placements.services import record_retention_check
from residents.admin import HOPED_FOR_WORK, ConsentRecordInline
from residents.admin_paging import CheapCountPaginator, KeptChoicesFilter, LightListMixin, year_filter
from residents.models import Resident
from spreadsheets.admin_export import SpreadsheetExportMixin


class JobApplicationEventInline(admin.TabularInline):
    model = JobApplicationEvent
    extra = 0
    can_delete = False
    readonly_fields = ["status", "note", "occurred_at", "actor"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(JobApplication)
class JobApplicationAdmin(LightListMixin, LogsResidentAccessMixin, SpreadsheetExportMixin, admin.ModelAdmin):
    list_display = ["resident", "vacancy", "status", "referred_by", "created_at", "status_changed_at"]
    list_filter = ["status", year_filter("created_at", _("지원 연도")), "vacancy__employer__kind"]
    search_fields = ["resident__name", "vacancy__title", "vacancy__employer__name"]
    # At Guro scale (100,000+ applications) a date hierarchy and a full count each scan the table;
    # a year filter and a cheap count serve the same need (residents.admin_paging).
    show_full_result_count = False
    paginator = CheapCountPaginator
    list_per_page = 50
    autocomplete_fields = ["resident", "vacancy"]
    readonly_fields = ["referred_by", "status_changed_at"]
    list_select_related = ["resident", "vacancy__employer", "referred_by"]  # a vacancy shows its employer
    # What a page of the list reads: its columns and the names they show (an application names
    # itself by resident, vacancy and status in each row's checkbox label).
    list_fetch_fields = [
        *list_display,
        "resident__name",
        "resident__birth_date",
        "vacancy__title",
        "vacancy__employer",
        "vacancy__employer__name",
        "referred_by__username",
        "referred_by__first_name",
        "referred_by__last_name",
    ]
    inlines = [JobApplicationEventInline]


class RetentionCheckInline(admin.TabularInline):
    model = RetentionCheck
    extra = 0
    fields = ["months_after_start", "due_on", "checked_on", "still_employed", "note"]


@admin.register(Placement)
class PlacementAdmin(
    HireCancellationAdminMixin,
    LightListMixin,
    LogsResidentAccessMixin,
    SpreadsheetExportMixin,
    admin.ModelAdmin,
):
    # Staff's correction of a hire (the cancel page and its link): placements/admin_cancellation.py.
    list_display = [
        "status",
        "resident",
        "source",
        "sector",
        "employer",
        "program",
        "started_on",
        "monthly_wage",
        "guro_resident_at_hire",
        "dong_at_hire",
    ]
    list_filter = [
        "status",
        year_filter("started_on", _("시작 연도")),
        "sector",
        "source",
        "guro_resident_at_hire",
        ("dong_at_hire", KeptChoicesFilter),
        "program__kind",
        "employer__kind",
        "employer__in_digital_valley",
    ]
    search_fields = ["resident__name", "employer__name", "program__name"]
    # As for applications: no date hierarchy (a scan of every year) and no full count at 200,000+ rows.
    show_full_result_count = False
    paginator = CheapCountPaginator
    list_per_page = 50
    autocomplete_fields = [
        "resident",
        "employer",
        "agreement",
        "program",
        "job_application",
        "program_application",
        "dong_at_hire",
        "priority_groups",
    ]
    readonly_fields = [
        "recorded_at",
        "recorded_by",
        "status",
        "cancelled_at",
        "cancelled_by",
        "cancellation_reason",
        "cancel_link",
    ]
    list_select_related = ["resident", "employer", "program", "dong_at_hire"]
    # What a page of the list reads: its columns and the names they show.
    list_fetch_fields = [
        *list_display,
        "resident__name",
        "resident__birth_date",
        "employer__name",
        "program__year",
        "program__name",
        "program__name_en",
        "dong_at_hire__name",
        "dong_at_hire__name_en",
    ]
    inlines = [RetentionCheckInline]


class RetentionDueFilter(admin.SimpleListFilter):
    title = _("확인 상태")
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return [
            ("due", _("확인 필요(기한 임박·지남)")),
            ("overdue", _("기한 지남")),
            ("upcoming", _("예정")),
            ("done", _("확인 완료")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=settings.RETENTION_DUE_SOON_DAYS)
        if self.value() == "due":
            return queryset.filter(checked_on__isnull=True, due_on__lte=soon)
        if self.value() == "overdue":
            return queryset.filter(checked_on__isnull=True, due_on__lt=today)
        if self.value() == "upcoming":
            return queryset.filter(checked_on__isnull=True, due_on__gt=soon)
        if self.value() == "done":
            return queryset.filter(checked_on__isnull=False)
        return queryset


@admin.register(RetentionCheck)
class RetentionCheckAdmin(SpreadsheetExportMixin, admin.ModelAdmin):
    list_display = [
        "placement",
        "months_after_start",
        "due_state",
        "checked_on",
        "still_employed",
        "checked_by",
    ]
    list_filter = [RetentionDueFilter, "months_after_start", "still_employed", "placement__started_on"]
    search_fields = ["placement__resident__name"]
    date_hierarchy = "due_on"
    autocomplete_fields = ["placement"]
    readonly_fields = ["checked_by"]
    list_select_related = ["placement__resident", "checked_by"]
    actions = ["mark_still_employed", "mark_left"]

    @admin.display(description=_("확인 예정일"), ordering="due_on")
    def due_state(self, check):
        day = f"{check.due_on.year}년 {check.due_on.month}월 {check.due_on.day}일"
        if check.is_overdue:
            late = (timezone.localdate() - check.due_on).days
            return format_html(
                '<strong style="color:#c00" class="retention-overdue">{} ({})</strong>',
                day,
                _("%(days)s일 지남") % {"days": late},
            )
        return day

    def get_ordering(self, request):
        # Overdue checks (not made, due date passed) come first, then by due date.
        today = timezone.localdate()
        overdue_first = Case(When(checked_on__isnull=True, due_on__lt=today, then=Value(0)), default=Value(1))
        return [overdue_first.asc(), "due_on", "id"]

    def _record(self, request, queryset, still_employed):
        count = 0
        for check in queryset:
            try:
                record_retention_check(check=check, still_employed=still_employed, by=request.user)
            except ValidationError as error:
                for message in error.messages:
                    self.message_user(request, f"{check}: {message}", messages.ERROR)
            else:
                count += 1
        if count:
            self.message_user(request, _("%(count)s건을 기록했습니다.") % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("고용 유지 확인"), permissions=["change"])
    def mark_still_employed(self, request, queryset):
        self._record(request, queryset, True)

    @admin.action(description=_("이직 확인(고용 유지 안 됨)"), permissions=["change"])
    def mark_left(self, request, queryset):
        self._record(request, queryset, False)


class JobApplicationInline(admin.TabularInline):
    model = JobApplication
    extra = 0
    fields = ["vacancy", "status", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["vacancy"]
    show_change_link = True


# Residents' and vacancies' admin pages show job applications and the matching page (placements/
# admin_matching.py); residents and employers cannot import placements.
extend_admin(
    Resident,
    mixins=[ResidentMatchingMixin],
    inlines=[JobApplicationInline],
    before_inline=ConsentRecordInline,
    readonly_fields=["matches_link"],
    fieldset=HOPED_FOR_WORK,
)
extend_admin(Vacancy, mixins=[VacancyMatchingMixin], readonly_fields=["matches_link"])
