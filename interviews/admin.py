"""Staff run job fairs and walk-in interviews here (slots, attendance, outcome, hire); interviews
between employers and applicants are read-only for staff."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from audit.admin_mixins import LogsResidentAccessMixin
from interviews import services
from interviews.models import Booking, HiringEvent, Interview, InterviewChange, TimeSlot


class TimeSlotInline(admin.TabularInline):
    model = TimeSlot
    extra = 1
    fields = ["starts_at", "ends_at", "capacity"]


@admin.register(HiringEvent)
class HiringEventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "held_on", "place", "is_published"]
    list_filter = ["kind", "is_published", "held_on"]
    search_fields = ["title", "place"]
    date_hierarchy = "held_on"
    autocomplete_fields = ["employers", "vacancies"]
    inlines = [TimeSlotInline]


@admin.register(Booking)
class BookingAdmin(LogsResidentAccessMixin, admin.ModelAdmin):
    list_display = [
        "resident",
        "event",
        "slot",
        "status",
        "attendance",
        "interview_result",
        "vacancy",
        "placement",
    ]
    list_filter = ["status", "attendance", "interview_result", "event"]
    search_fields = ["resident__name", "event__title"]
    list_select_related = ["resident", "event", "slot", "vacancy__employer", "placement"]
    autocomplete_fields = ["vacancy"]
    fields = [
        "event",
        "slot",
        "resident",
        "status",
        "booked_at",
        "cancelled_at",
        "attendance",
        "interview_result",
        "vacancy",
        "outcome_note",
        "placement",
    ]
    readonly_fields = ["event", "slot", "resident", "status", "booked_at", "cancelled_at", "placement"]
    actions = ["mark_attended", "mark_absent", "hire"]

    def has_add_permission(self, request):
        return False  # residents book on the event's page

    def has_delete_permission(self, request, obj=None):
        return False  # a booking is cancelled, not deleted

    def save_model(self, request, obj, form, change):
        try:
            services.record_booking_outcome(
                booking=obj,
                by=request.user,
                attendance=obj.attendance,
                interview_result=obj.interview_result,
                vacancy=obj.vacancy,
                note=obj.outcome_note,
            )
        except ValidationError as error:
            for message in error.messages:
                self.message_user(request, message, messages.ERROR)

    def _outcome(self, request, queryset, attendance):
        for booking in queryset:
            try:
                services.record_booking_outcome(
                    booking=booking,
                    by=request.user,
                    attendance=attendance,
                    vacancy=booking.vacancy,
                    note=booking.outcome_note,
                )
            except ValidationError as error:
                self.message_user(request, f"{booking}: {' '.join(error.messages)}", messages.ERROR)

    @admin.action(description=_("참석으로 표시"))
    def mark_attended(self, request, queryset):
        self._outcome(request, queryset, Booking.Attendance.ATTENDED)

    @admin.action(description=_("불참으로 표시"))
    def mark_absent(self, request, queryset):
        self._outcome(request, queryset, Booking.Attendance.ABSENT)

    @admin.action(description=_("채용 연계 (오늘 근무 시작, 공고의 임금으로 채용 기록)"))
    def hire(self, request, queryset):
        for booking in queryset:
            try:
                services.hire_from_booking(booking=booking, by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{booking}: {' '.join(error.messages)}", messages.ERROR)
            else:
                self.message_user(request, _("%(booking)s: 채용을 기록했습니다.") % {"booking": booking})


class InterviewChangeInline(admin.TabularInline):
    model = InterviewChange
    extra = 0
    fields = ["occurred_at", "status", "starts_at", "actor", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Interview)
class InterviewAdmin(LogsResidentAccessMixin, admin.ModelAdmin):
    list_display = ["application", "starts_at", "status", "mode", "sequence"]
    list_filter = ["status", "mode", "starts_at"]
    search_fields = [
        "application__resident__name",
        "application__vacancy__title",
        "application__vacancy__employer__name",
    ]
    list_select_related = ["application__resident", "application__vacancy"]
    date_hierarchy = "starts_at"
    inlines = [InterviewChangeInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False  # employers propose on the applicant page

    def has_delete_permission(self, request, obj=None):
        return False
