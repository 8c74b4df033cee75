import datetime

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.admin_mixins import LogsResidentAccessMixin
from audit.models import PersonalDataAccess
from audit.services import log_access
from placements.models import (
    ApplicantNote,
    ApplicationResume,
    JobApplication,
    JobApplicationEvent,
    Placement,
    RetentionCheck,
)
from placements.services import cancel_hire, record_retention_check
from residents.admin_paging import CheapCountPaginator, LightListMixin, year_filter
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
    inlines = [JobApplicationEventInline]


class RetentionCheckInline(admin.TabularInline):
    model = RetentionCheck
    extra = 0
    fields = ["months_after_start", "due_on", "checked_on", "still_employed", "note"]


class HireCancellationAdminForm(forms.Form):
    reason = forms.CharField(
        label=_("취소 사유"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("사유는 지원자의 처리 이력과 개인정보 접속 기록에 남습니다."),
        error_messages={"required": _("취소 사유를 적어 주세요.")},
    )


@admin.register(Placement)
class PlacementAdmin(LightListMixin, LogsResidentAccessMixin, SpreadsheetExportMixin, admin.ModelAdmin):
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
        "dong_at_hire",
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
    inlines = [RetentionCheckInline]

    def get_urls(self):
        view = self.admin_site.admin_view(self.cancel_view)
        return [
            path("<int:placement_id>/cancel/", view, name="placements_placement_cancel"),
            *super().get_urls(),
        ]

    @admin.display(description=_("채용 취소(정정)"))
    def cancel_link(self, placement):
        if not placement.pk or placement.status == Placement.Status.CANCELLED:
            return "-"
        url = reverse("admin:placements_placement_cancel", args=[placement.pk])
        return format_html('<a href="{}" class="button">{}</a>', url, _("이 실적을 취소(정정)하기"))

    def cancel_view(self, request, placement_id):
        """Staff correct a hire after the employer's window: the placement is cancelled, with a reason
        in the application's timeline and in the personal-data access log."""
        placement = get_object_or_404(Placement.objects.select_related("resident"), pk=placement_id)
        if not self.has_change_permission(request, placement):
            raise PermissionDenied
        form = HireCancellationAdminForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            reason = form.cleaned_data["reason"]
            try:
                cancel_hire(placement=placement, by=request.user, reason=reason, as_staff=True)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                log_access(
                    request=request,
                    action=PersonalDataAccess.Action.CHANGE,
                    resident=placement.resident,
                    target=_("채용 취소(정정)"),
                    detail=reason,
                )
                self.message_user(
                    request, _("실적을 취소했습니다. 대시보드 실적에서 빠집니다."), messages.SUCCESS
                )
                return redirect("admin:placements_placement_change", placement.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("실적 취소(정정): %(placement)s") % {"placement": placement},
            "placement": placement,
            "form": form,
        }
        return TemplateResponse(request, "admin/placements/placement_cancel.html", context)


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


@admin.register(ApplicationResume)
class ApplicationResumeAdmin(admin.ModelAdmin):
    """The resume as an application sent it: staff read it, nobody changes it."""

    list_display = ["application", "file_name", "taken_at"]
    search_fields = ["application__resident__name", "application__vacancy__title"]
    list_select_related = ["application__resident", "application__vacancy"]
    readonly_fields = ["application", "resume", "content", "file_name", "file_kind", "taken_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ApplicantNote)
class ApplicantNoteAdmin(admin.ModelAdmin):
    """Employers' private notes on applicants: staff may read them."""

    list_display = ["application", "employer", "author", "created_at"]
    list_filter = ["employer__kind"]
    search_fields = ["application__resident__name", "employer__name", "body"]
    list_select_related = ["application__resident", "application__vacancy", "employer", "author"]
    readonly_fields = ["application", "employer", "author", "body", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
