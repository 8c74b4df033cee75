"""Interviews on job applications, and the district's job fairs and walk-in interviews with slots."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_NOTE_LENGTH = 2000


class Interview(models.Model):
    """One interview an employer proposes on an application; re-proposing keeps the same row (and the
    calendar UID) and raises its sequence, so calendars update the event instead of adding one."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("일정 제안")
        CONFIRMED = "confirmed", _("참석 확정")
        DECLINED = "declined", _("참석 거절")
        RESCHEDULE_REQUESTED = "reschedule_requested", _("일정 변경 요청")
        CANCELLED = "cancelled", _("취소")
        COMPLETED = "completed", _("면접 완료")
        NO_SHOW = "no_show", _("불참")

    ACTIVE = (Status.PROPOSED, Status.CONFIRMED, Status.RESCHEDULE_REQUESTED)

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("방문 면접")
        ONLINE = "online", _("온라인 면접")

    application = models.ForeignKey(
        "placements.JobApplication",
        verbose_name=_("채용 지원"),
        on_delete=models.CASCADE,
        related_name="interviews",
    )
    uid = models.UUIDField(_("일정 식별자"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("일정 변경 횟수"), default=0)
    status = models.CharField(_("상태"), max_length=24, choices=Status.choices, default=Status.PROPOSED)
    starts_at = models.DateTimeField(_("면접 일시"))
    duration_minutes = models.PositiveSmallIntegerField(_("소요 시간(분)"), default=30)
    mode = models.CharField(_("방식"), max_length=12, choices=Mode.choices, default=Mode.IN_PERSON)
    place = models.CharField(_("장소"), max_length=200, blank=True)
    online_link = models.URLField(_("온라인 면접 주소"), blank=True)
    contact_name = models.CharField(_("담당자"), max_length=50)
    contact_phone = models.CharField(_("담당자 연락처"), max_length=30)
    what_to_bring = models.CharField(_("준비물"), max_length=500, blank=True)
    note = models.TextField(_("안내 사항"), max_length=MAX_NOTE_LENGTH, blank=True)
    resident_message = models.TextField(
        _("구직자의 답변"),
        max_length=MAX_NOTE_LENGTH,
        blank=True,
        help_text=_("일정 변경을 요청하거나 거절할 때 구직자가 남긴 말(가능한 시간 등)"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("제안한 사람"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    responded_at = models.DateTimeField(_("응답 일시"), null=True, blank=True)
    # The start time a reminder went out for: one reminder per interview and time, even when the
    # beat task runs again or a worker retries; a new time gets its own reminder.
    reminder_sent_for = models.DateTimeField(_("전날 알림을 보낸 면접 일시"), null=True, blank=True)
    created_at = models.DateTimeField(_("등록 일시"), default=timezone.now)
    updated_at = models.DateTimeField(_("변경 일시"), default=timezone.now)

    class Meta:
        verbose_name = _("면접")
        verbose_name_plural = _("면접")
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=10, duration_minutes__lte=480),
                name="interview_duration_between_10_minutes_and_8_hours",
            ),
            models.CheckConstraint(
                condition=~Q(mode="in_person", place="") & ~Q(mode="online", online_link=""),
                name="interview_has_a_place_or_a_link",
            ),
        ]

    def __str__(self):
        return f"{self.application_id}: {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M} ({self.get_status_display()})"

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def is_active(self):
        return self.status in self.ACTIVE

    @property
    def resident(self):
        return self.application.resident

    @property
    def where(self):
        return self.place if self.mode == self.Mode.IN_PERSON else self.online_link


class InterviewChange(models.Model):
    """One step of an interview (proposed, confirmed, …), for the history both sides see."""

    interview = models.ForeignKey(
        Interview, verbose_name=_("면접"), on_delete=models.CASCADE, related_name="changes"
    )
    status = models.CharField(_("상태"), max_length=24, choices=Interview.Status.choices)
    starts_at = models.DateTimeField(_("면접 일시"))
    note = models.TextField(_("메모"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("처리자"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    occurred_at = models.DateTimeField(_("일시"), default=timezone.now)

    class Meta:
        verbose_name = _("면접 처리 이력")
        verbose_name_plural = _("면접 처리 이력")
        ordering = ["occurred_at", "id"]

    def __str__(self):
        return f"{self.interview_id}: {self.get_status_display()}"


class HiringEvent(models.Model):
    """A district job fair (채용박람회) or walk-in interview day (현장면접) with bookable time slots."""

    class Kind(models.TextChoices):
        JOB_FAIR = "job_fair", _("채용박람회")
        WALK_IN = "walk_in", _("현장면접")

    title = models.CharField(_("행사명"), max_length=200)
    kind = models.CharField(_("종류"), max_length=12, choices=Kind.choices, default=Kind.JOB_FAIR)
    place = models.CharField(_("장소"), max_length=200)
    held_on = models.DateField(_("행사일"))
    description = models.TextField(_("소개"), blank=True)
    employers = models.ManyToManyField(
        "employers.Employer", verbose_name=_("참여 기업"), blank=True, related_name="hiring_events"
    )
    vacancies = models.ManyToManyField(
        "employers.Vacancy", verbose_name=_("채용 공고"), blank=True, related_name="hiring_events"
    )
    is_published = models.BooleanField(
        _("게시"), default=False, help_text=_("게시한 행사만 공개 화면에 보이고 예약할 수 있습니다.")
    )
    created_at = models.DateTimeField(_("등록 일시"), default=timezone.now)

    class Meta:
        verbose_name = _("채용 행사")
        verbose_name_plural = _("채용 행사(채용박람회·현장면접)")
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.title} ({self.held_on:%Y-%m-%d})"


class TimeSlot(models.Model):
    event = models.ForeignKey(
        HiringEvent, verbose_name=_("채용 행사"), on_delete=models.CASCADE, related_name="slots"
    )
    starts_at = models.DateTimeField(_("시작"))
    ends_at = models.DateTimeField(_("끝"))
    capacity = models.PositiveSmallIntegerField(_("정원"), default=10)

    class Meta:
        verbose_name = _("예약 시간대")
        verbose_name_plural = _("예약 시간대")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="slot_ends_after_it_starts"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="slot_capacity_at_least_one"),
        ]

    def __str__(self):
        start, end = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"


class Booking(models.Model):
    """A resident's place in a slot; staff record attendance and the outcome on the day."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("예약")
        CANCELLED = "cancelled", _("예약 취소")

    class Attendance(models.TextChoices):
        UNKNOWN = "unknown", _("미확인")
        ATTENDED = "attended", _("참석")
        ABSENT = "absent", _("불참")

    class Result(models.TextChoices):
        NONE = "", _("없음")
        PASSED = "passed", _("합격")
        FAILED = "failed", _("불합격")
        PENDING = "pending", _("결과 대기")

    slot = models.ForeignKey(
        TimeSlot, verbose_name=_("시간대"), on_delete=models.PROTECT, related_name="bookings"
    )
    # The slot's event, kept here so "one booking per event" is a database constraint.
    event = models.ForeignKey(
        HiringEvent, verbose_name=_("채용 행사"), on_delete=models.PROTECT, related_name="bookings"
    )
    resident = models.ForeignKey(
        "residents.Resident",
        verbose_name=_("구직자"),
        on_delete=models.PROTECT,
        related_name="event_bookings",
    )
    status = models.CharField(_("상태"), max_length=12, choices=Status.choices, default=Status.BOOKED)
    booked_at = models.DateTimeField(_("예약 일시"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("취소 일시"), null=True, blank=True)
    attendance = models.CharField(
        _("참석"), max_length=10, choices=Attendance.choices, default=Attendance.UNKNOWN
    )
    interview_result = models.CharField(
        _("면접 결과"), max_length=10, choices=Result.choices, blank=True, default=""
    )
    vacancy = models.ForeignKey(
        "employers.Vacancy",
        verbose_name=_("면접 본 공고"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome_note = models.TextField(_("결과 메모"), max_length=MAX_NOTE_LENGTH, blank=True)
    # The slot time the day-before reminder was mailed for: a slot moved by staff is reminded again.
    reminder_sent_for = models.DateTimeField(_("전날 알림을 보낸 시간대"), null=True, blank=True)
    placement = models.ForeignKey(
        "placements.Placement",
        verbose_name=_("채용 연계 실적"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("행사 예약")
        verbose_name_plural = _("행사 예약")
        ordering = ["slot__starts_at", "booked_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "resident"],
                condition=Q(status="booked"),
                name="one_booking_per_event_and_resident",
            )
        ]

    def __str__(self):
        return f"{self.resident} · {self.slot}"
