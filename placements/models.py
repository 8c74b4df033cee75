"""Placements (취업·참여 실적): job applications, hires and program slots, and their follow-ups."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from guro_jobs.timeline import TimelineEvent
from references import wages
from references.choices import Gender, Sector


def choice_label(choices, value):
    """What ``get_FOO_display()`` shows, translating only this value's label: Django's translates
    every label of the field to look one up (on the staff lists, each row's checkbox is labelled
    with the record's name, and that cost a third of drawing the rows)."""
    key = (choices, value, get_language())
    label = _choice_labels.get(key)
    if label is None:
        try:
            label = str(choices(value).label)
        except ValueError:
            return value
        _choice_labels[key] = label
    return label


# Each choice's label in each language, as choice_label() first found it (a few dozen strings).
_choice_labels = {}


class JobApplication(models.Model):
    """A resident's application to a vacancy, or a staff referral (알선)."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("지원")
        REFERRED = "referred", _("구청 알선")
        INTERVIEW = "interview", _("면접")
        HIRED = "hired", _("채용")
        REJECTED = "rejected", _("불합격")
        WITHDRAWN = "withdrawn", _("지원 취소")
        HIRE_CANCELLED = "hire_cancelled", _("채용 취소(정정)")

    # HIRED → HIRE_CANCELLED only through placements.services.cancel_hire (it needs a reason).
    TRANSITIONS = {
        Status.APPLIED: {Status.INTERVIEW, Status.HIRED, Status.REJECTED, Status.WITHDRAWN},
        Status.REFERRED: {Status.INTERVIEW, Status.HIRED, Status.REJECTED, Status.WITHDRAWN},
        Status.INTERVIEW: {Status.HIRED, Status.REJECTED, Status.WITHDRAWN},
        Status.HIRE_CANCELLED: {Status.INTERVIEW, Status.HIRED, Status.REJECTED, Status.WITHDRAWN},
        Status.HIRED: {Status.HIRE_CANCELLED},
        Status.REJECTED: set(),
        Status.WITHDRAWN: set(),
    }

    resident = models.ForeignKey(
        "residents.Resident",
        verbose_name=_("구직자"),
        on_delete=models.PROTECT,
        related_name="job_applications",
    )
    vacancy = models.ForeignKey(
        "employers.Vacancy",
        verbose_name=_("채용 공고"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(_("상태"), max_length=20, choices=Status.choices, default=Status.APPLIED)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("알선한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("지원 일시"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("상태 변경 일시"), default=timezone.now)

    class Meta:
        verbose_name = _("채용 지원")
        verbose_name_plural = _("채용 지원")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["resident", "vacancy"], name="unique_job_application")]
        indexes = [
            models.Index(fields=["vacancy", "status"]),
            models.Index(fields=["-created_at", "-id"], name="application_newest_first"),
        ]

    def __str__(self):
        return f"{self.resident.name} → {self.vacancy.title} ({choice_label(self.Status, self.status)})"

    def can_move_to(self, status):
        return status in self.TRANSITIONS.get(self.status, set())

    @property
    def can_withdraw(self):
        """The resident may still withdraw it (before a hire or a final answer)."""
        return self.can_move_to(self.Status.WITHDRAWN)


class JobApplicationEvent(TimelineEvent):
    """One status change of a job application, with its time (the timeline on /me/)."""

    REASON_FIELD = "note"

    application = models.ForeignKey(
        JobApplication, verbose_name=_("채용 지원"), on_delete=models.CASCADE, related_name="events"
    )
    status = models.CharField(_("상태"), max_length=20, choices=JobApplication.Status.choices)
    note = models.TextField(_("메모"), blank=True)

    class Meta(TimelineEvent.Meta):
        verbose_name = _("채용 지원 처리 이력")
        verbose_name_plural = _("채용 지원 처리 이력")


class Placement(models.Model):
    """A person put into work: hired through a vacancy or an agreement, or placed in a program.

    Facts needed for statistics (sector, Guro residency, dong, gender, age at hire) are kept on
    the placement itself, so they survive the resident's record being anonymised.
    """

    class Source(models.TextChoices):
        VACANCY = "vacancy", _("채용 공고")
        AGREEMENT = "agreement", _("업무제휴 협약")
        PROGRAM = "program", _("일자리 사업")

    class Status(models.TextChoices):
        """A hire recorded by mistake is cancelled, not deleted; dashboards count only standing ones."""

        STANDING = "standing", _("유효")
        CANCELLED = "cancelled", _("취소(정정)")

    resident = models.ForeignKey(
        "residents.Resident",
        verbose_name=_("구직자"),
        on_delete=models.PROTECT,
        related_name="placements",
    )
    source = models.CharField(_("경로"), max_length=20, choices=Source.choices)
    sector = models.CharField(_("부문"), max_length=10, choices=Sector.choices)
    job_application = models.OneToOneField(
        JobApplication,
        verbose_name=_("채용 지원"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placement",
    )
    program_application = models.OneToOneField(
        "programs.ProgramApplication",
        verbose_name=_("사업 참여 신청"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placement",
    )
    employer = models.ForeignKey(
        "employers.Employer",
        verbose_name=_("기업"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements",
    )
    agreement = models.ForeignKey(
        "employers.Agreement",
        verbose_name=_("업무제휴 협약"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements",
    )
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("일자리 사업"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements",
    )
    started_on = models.DateField(_("근무 시작일"))
    ended_on = models.DateField(_("근무 종료일"), null=True, blank=True)
    monthly_wage = models.PositiveBigIntegerField(_("월 임금(원)"), null=True, blank=True)
    guro_resident_at_hire = models.BooleanField(_("채용 당시 구로구 주민"))
    dong_at_hire = models.ForeignKey(
        "references.AdministrativeDong",
        verbose_name=_("채용 당시 거주 행정동"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements",
    )
    gender = models.CharField(_("성별"), max_length=10, choices=Gender.choices, blank=True)
    age_at_hire = models.PositiveSmallIntegerField(_("채용 당시 나이(만)"), null=True, blank=True)
    priority_groups = models.ManyToManyField(
        "references.PriorityGroup",
        verbose_name=_("채용 당시 우선 지원 대상"),
        blank=True,
        related_name="placements",
    )
    recorded_at = models.DateTimeField(_("기록 일시"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("기록한 사람"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("실적 상태"), max_length=10, choices=Status.choices, default=Status.STANDING, db_index=True
    )
    cancelled_at = models.DateTimeField(_("취소 일시"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("취소한 사람"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cancellation_reason = models.CharField(_("취소 사유"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("취업·참여 실적")
        verbose_name_plural = _("취업·참여 실적")
        ordering = ["-started_on", "-id"]
        indexes = [
            models.Index(fields=["started_on", "sector"]),
            models.Index(fields=["-started_on", "-id"], name="placement_newest_first"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(started_on__lte=models.F("ended_on")),
                name="placement_dates_ordered",
            ),
            models.CheckConstraint(
                condition=(
                    Q(source="vacancy", employer__isnull=False)
                    | Q(source="agreement", agreement__isnull=False)
                    | Q(source="program", program__isnull=False)
                ),
                name="placement_source_has_origin",
            ),
            models.CheckConstraint(
                condition=Q(status="standing") | (Q(cancelled_at__isnull=False) & ~Q(cancellation_reason="")),
                name="placement_cancelled_has_time_and_reason",
            ),
        ]

    def __str__(self):
        text = f"{self.resident.name} · {choice_label(self.Source, self.source)} · {self.started_on:%Y-%m-%d}"
        return (
            f"{text} ({choice_label(self.Status, self.status)})"
            if self.status == self.Status.CANCELLED
            else text
        )

    @property
    def employer_may_correct_until(self):
        """The last moment the employer may still cancel this hire itself (HIRE_CORRECTION_HOURS)."""
        return self.recorded_at + datetime.timedelta(hours=settings.HIRE_CORRECTION_HOURS)

    @property
    def employer_may_correct(self):
        return self.status == self.Status.STANDING and timezone.now() <= self.employer_may_correct_until

    def clean(self):
        errors = {}
        if self.started_on and self.ended_on and self.started_on > self.ended_on:
            errors["ended_on"] = _("근무 종료일은 시작일보다 빠를 수 없습니다.")
        if self.source == self.Source.VACANCY and not self.employer_id:
            errors["employer"] = _("채용 공고로 취업한 경우 기업을 입력해야 합니다.")
        if self.source == self.Source.AGREEMENT and not self.agreement_id:
            errors["agreement"] = _("협약을 통한 채용은 협약을 입력해야 합니다.")
        if self.source == self.Source.PROGRAM and not self.program_id:
            errors["program"] = _("일자리 사업 참여는 사업을 입력해야 합니다.")
        if self.guro_resident_at_hire and self.dong_at_hire_id is None:
            errors["dong_at_hire"] = _("구로구 주민이면 채용 당시 거주 행정동을 입력해야 합니다.")
        # Only a ceiling: a placement's hours are not recorded (public works and part-time jobs pay
        # less than a full-time month lawfully), so the minimum wage is checked on the vacancy.
        if self.monthly_wage is not None and self.monthly_wage > wages.MAXIMUM_MONTHLY_WAGE:
            errors["monthly_wage"] = _(
                "월 임금이 너무 많습니다. %(ceiling)s원 이하여야 합니다. 월 단위 금액인지 확인해 주세요."
            ) % {"ceiling": f"{wages.MAXIMUM_MONTHLY_WAGE:,}"}
        if errors:
            raise ValidationError(errors)


class RetentionCheck(models.Model):
    """A follow-up 1, 3, 6 or 12 months after a placement starts: still employed or not."""

    class Months(models.IntegerChoices):
        ONE = 1, _("1개월")
        THREE = 3, _("3개월")
        SIX = 6, _("6개월")
        TWELVE = 12, _("12개월")

    placement = models.ForeignKey(
        Placement,
        verbose_name=_("취업·참여 실적"),
        on_delete=models.CASCADE,
        related_name="retention_checks",
    )
    months_after_start = models.PositiveSmallIntegerField(_("시점"), choices=Months.choices)
    due_on = models.DateField(_("확인 예정일"))
    checked_on = models.DateField(_("확인일"), null=True, blank=True)
    still_employed = models.BooleanField(_("고용 유지"), null=True, blank=True)
    note = models.CharField(_("메모"), max_length=200, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("확인한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("고용 유지 확인")
        verbose_name_plural = _("고용 유지 확인")
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "months_after_start"], name="unique_retention_check"
            ),
            models.CheckConstraint(
                condition=Q(checked_on__isnull=True) | Q(still_employed__isnull=False),
                name="retention_check_has_result",
            ),
        ]
        indexes = [models.Index(fields=["due_on", "checked_on"])]

    def __str__(self):
        return f"{self.placement} · {self.get_months_after_start_display()}"

    @property
    def is_overdue(self):
        return self.checked_on is None and self.due_on < timezone.localdate()

    @property
    def earliest_check_on(self):
        """A follow-up made earlier than this says nothing about whether the job lasted."""
        return self.due_on - datetime.timedelta(days=settings.RETENTION_CHECK_EARLY_DAYS)

    def clean(self):
        if self.checked_on and self.due_on and self.checked_on < self.earliest_check_on:
            earliest, due = self.earliest_check_on, self.due_on
            raise ValidationError(
                {
                    "checked_on": _(
                        "%(months)s 고용 유지 확인은 확인 예정일(%(due)s)의 %(days)s일 전인 %(earliest)s부터 "
                        "기록할 수 있습니다."
                    )
                    % {
                        "months": self.get_months_after_start_display(),
                        "due": f"{due.year}년 {due.month}월 {due.day}일",
                        "days": settings.RETENTION_CHECK_EARLY_DAYS,
                        "earliest": f"{earliest.year}년 {earliest.month}월 {earliest.day}일",
                    }
                }
            )


class ApplicationResume(models.Model):
    """The resume an application was sent with, frozen: its content as JSON and its own copy of the
    file, so editing or deleting the resume later does not change what the employer reads."""

    application = models.OneToOneField(
        JobApplication, verbose_name=_("채용 지원"), on_delete=models.CASCADE, related_name="resume_snapshot"
    )
    resume = models.ForeignKey(
        "resumes.Resume",
        verbose_name=_("원본 이력서"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    content = models.JSONField(_("이력서 내용"))
    file_name = models.CharField(_("첨부 파일 이름"), max_length=200, blank=True)
    file_path = models.CharField(_("저장 위치"), max_length=300, blank=True, editable=False)
    file_kind = models.CharField(_("파일 형식"), max_length=10, blank=True, editable=False)
    taken_at = models.DateTimeField(_("제출 일시"), default=timezone.now)

    class Meta:
        verbose_name = _("지원 이력서")
        verbose_name_plural = _("지원 이력서")

    def __str__(self):
        return f"{self.application_id}: {self.content.get('title', '')}"

    @property
    def has_file(self):
        return bool(self.file_path)


class ApplicantNote(models.Model):
    """An employer's private note on one of its applicants: only that employer's users see it
    (staff may read it); the resident never does."""

    application = models.ForeignKey(
        JobApplication, verbose_name=_("채용 지원"), on_delete=models.CASCADE, related_name="employer_notes"
    )
    employer = models.ForeignKey(
        "employers.Employer", verbose_name=_("기업"), on_delete=models.CASCADE, related_name="applicant_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("작성자"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    body = models.TextField(_("메모"), max_length=2000)
    created_at = models.DateTimeField(_("작성 일시"), default=timezone.now)

    class Meta:
        verbose_name = _("기업 메모")
        verbose_name_plural = _("기업 메모")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.application_id}: {self.body[:30]}"
