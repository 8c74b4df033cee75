"""Programs (일자리 사업) the district runs, their eligibility rules as data, and applications."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guro_jobs.timeline import TimelineEvent
from references.choices import EducationLevel, EmploymentStatus, Sector, WageUnit
from references.models import in_english


class PlacePool(models.Model):
    """Places that programs share: the plan gives 자활근로 and 노인일자리 1,500 places together.
    Each program is still reported on its own; together they never hold more than the pool."""

    name = models.CharField(_("공유 정원 이름"), max_length=100)
    year = models.PositiveSmallIntegerField(
        _("사업 연도"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    capacity = models.PositiveIntegerField(_("공유 정원"))

    class Meta:
        verbose_name = _("공유 정원")
        verbose_name_plural = _("공유 정원")
        ordering = ["-year", "name"]

    def __str__(self):
        return f"{self.year} {self.name} ({self.capacity:,}명)"


class Program(models.Model):
    """A job program for one year, e.g. 2010 공공근로사업 with 580 places."""

    class CapacitySource(models.TextChoices):
        PLAN = "plan", _("계획에 나온 수치")
        STAFF = "staff", _("직원이 정한 수치")
        DEMO_EXAMPLE = "demo_example", _("데모용 예시 수치 (계획에 없음)")

    class Kind(models.TextChoices):
        PUBLIC_WORKS = "public_works", _("공공근로")
        HOPE_WORK = "hope_work", _("희망근로")
        SELF_SUFFICIENCY = "self_sufficiency", _("자활근로")
        SENIOR_JOBS = "senior_jobs", _("노인일자리")
        YOUTH_INTERNSHIP = "youth_internship", _("청년인턴")
        COMMUNITY_JOBS = "community_jobs", _("지역공동체 일자리")
        JOB_TRAINING = "job_training", _("직업교육")
        SOCIAL_ENTERPRISE = "social_enterprise", _("사회적기업 지원")

    code = models.SlugField(_("사업 코드"), max_length=40, unique=True)
    name = models.CharField(_("사업명"), max_length=100)
    name_en = models.CharField(
        _("영문 사업명"),
        max_length=150,
        blank=True,
        help_text=_("영어 화면에 보입니다. 비우면 사업명을 씁니다."),
    )
    kind = models.CharField(_("사업 종류"), max_length=30, choices=Kind.choices)
    sector = models.CharField(_("부문"), max_length=10, choices=Sector.choices, default=Sector.PUBLIC)
    year = models.PositiveSmallIntegerField(
        _("사업 연도"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    description = models.TextField(_("사업 내용"), blank=True)
    capacity = models.PositiveIntegerField(
        _("모집 정원"),
        null=True,
        blank=True,
        help_text=_("비어 있으면 정원 미정으로, 선발을 할 수 없습니다."),
    )
    capacity_source = models.CharField(
        _("정원 근거"), max_length=20, choices=CapacitySource.choices, blank=True
    )
    place_pool = models.ForeignKey(
        PlacePool,
        verbose_name=_("공유 정원"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programs",
        help_text=_(
            "다른 사업과 정원을 함께 쓰면 고릅니다. 함께 선발된 인원이 공유 정원을 넘을 수 없습니다."
        ),
    )
    starts_on = models.DateField(_("사업 시작일"), null=True, blank=True)
    ends_on = models.DateField(_("사업 종료일"), null=True, blank=True)
    applications_open_on = models.DateField(_("접수 시작일"), null=True, blank=True)
    applications_close_on = models.DateField(_("접수 마감일"), null=True, blank=True)
    wage_amount = models.PositiveIntegerField(_("임금(원)"), null=True, blank=True)
    wage_unit = models.CharField(
        _("임금 단위"), max_length=10, choices=WageUnit.choices, default=WageUnit.DAILY
    )
    is_published = models.BooleanField(
        _("포털 공개"), default=True, help_text=_("주민 포털에 보이고 신청을 받습니다.")
    )

    # Eligibility rules as data; programs/eligibility.py reads them.
    min_age = models.PositiveSmallIntegerField(_("최소 나이(만)"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("최대 나이(만)"), null=True, blank=True)
    requires_guro_residency = models.BooleanField(_("구로구 거주자만"), default=True)
    allowed_employment_statuses = models.JSONField(
        _("신청 가능한 고용 상태"),
        default=list,
        blank=True,
        help_text=_("비어 있으면 고용 상태를 따지지 않습니다."),
    )
    min_education = models.CharField(
        _("최소 학력"), max_length=30, choices=EducationLevel.choices, blank=True
    )
    required_priority_groups = models.ManyToManyField(
        "references.PriorityGroup",
        verbose_name=_("신청 자격 대상(하나 이상 해당)"),
        blank=True,
        related_name="programs_requiring",
        help_text=_("비어 있으면 누구나 신청할 수 있습니다. 고르면 그중 하나에 해당해야 합니다."),
    )
    skills_taught = models.ManyToManyField(
        "references.Skill",
        verbose_name=_("가르치는 기술·자격증"),
        blank=True,
        related_name="training_programs",
        help_text=_("직업교육이 가르치는 기술. 부족한 기술에 맞는 교육을 안내할 때 씁니다."),
    )
    created_at = models.DateTimeField(_("등록 일시"), auto_now_add=True)

    class Meta:
        verbose_name = _("일자리 사업")
        verbose_name_plural = _("일자리 사업")
        ordering = ["-year", "kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_age__isnull=True)
                | Q(max_age__isnull=True)
                | Q(min_age__lte=models.F("max_age")),
                name="program_age_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(starts_on__lte=models.F("ends_on")),
                name="program_dates_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.year} {self.display_name}"

    @property
    def display_name(self):
        """The name in the reader's language (English readers get the English name when set)."""
        return self.name_en if self.name_en and in_english() else self.name

    def clean(self):
        errors = {}
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            errors["max_age"] = _("최대 나이는 최소 나이보다 작을 수 없습니다.")
        if self.starts_on and self.ends_on and self.starts_on > self.ends_on:
            errors["ends_on"] = _("사업 종료일은 시작일보다 빠를 수 없습니다.")
        if (
            self.applications_open_on
            and self.applications_close_on
            and self.applications_open_on > self.applications_close_on
        ):
            errors["applications_close_on"] = _("접수 마감일은 접수 시작일보다 빠를 수 없습니다.")
        if self.year and self.starts_on and self.starts_on.year != self.year:
            errors["starts_on"] = _("사업 시작일은 사업 연도 안에 있어야 합니다.")
        statuses = self.allowed_employment_statuses
        if not isinstance(statuses, list) or not set(statuses) <= set(EmploymentStatus.values):
            errors["allowed_employment_statuses"] = _("알 수 없는 고용 상태가 있습니다.")
        if errors:
            raise ValidationError(errors)


class ProgramPriorityWeight(models.Model):
    """Points a program gives to a priority group when ranking applicants (rules as data)."""

    program = models.ForeignKey(
        Program, verbose_name=_("일자리 사업"), on_delete=models.CASCADE, related_name="priority_weights"
    )
    priority_group = models.ForeignKey(
        "references.PriorityGroup", verbose_name=_("우선 지원 대상"), on_delete=models.PROTECT
    )
    points = models.PositiveSmallIntegerField(_("가점"), validators=[MaxValueValidator(100)])

    class Meta:
        verbose_name = _("선발 가점")
        verbose_name_plural = _("선발 가점")
        ordering = ["-points"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "priority_group"], name="unique_program_priority_weight"
            )
        ]

    def __str__(self):
        return f"{self.program} · {self.priority_group} +{self.points}"


class ProgramApplication(models.Model):
    """A resident's application to a program, with every decision and its reason."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("신청")
        ELIGIBLE = "eligible", _("자격 충족")
        INELIGIBLE = "ineligible", _("자격 미달")
        SELECTED = "selected", _("선발")
        WAITLISTED = "waitlisted", _("대기")
        ACTIVE = "active", _("참여 중")
        COMPLETED = "completed", _("수료·종료")
        DROPPED = "dropped", _("중도 포기")
        WITHDRAWN = "withdrawn", _("신청 취소")

    # Which status may follow which; services enforce it.
    TRANSITIONS = {
        Status.APPLIED: {Status.ELIGIBLE, Status.INELIGIBLE, Status.WITHDRAWN},
        Status.ELIGIBLE: {Status.SELECTED, Status.WAITLISTED, Status.INELIGIBLE, Status.WITHDRAWN},
        Status.INELIGIBLE: {Status.ELIGIBLE},
        Status.WAITLISTED: {Status.SELECTED, Status.INELIGIBLE, Status.WITHDRAWN},
        Status.SELECTED: {Status.ACTIVE, Status.DROPPED},
        Status.ACTIVE: {Status.COMPLETED, Status.DROPPED},
        Status.COMPLETED: set(),
        Status.DROPPED: set(),
        Status.WITHDRAWN: set(),
    }

    resident = models.ForeignKey(
        "residents.Resident",
        verbose_name=_("구직자"),
        on_delete=models.PROTECT,
        related_name="program_applications",
    )
    program = models.ForeignKey(
        Program, verbose_name=_("일자리 사업"), on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField(_("상태"), max_length=20, choices=Status.choices, default=Status.APPLIED)
    priority_score = models.IntegerField(_("우선순위 점수"), null=True, blank=True)
    waitlist_position = models.PositiveIntegerField(_("대기 순번"), null=True, blank=True)
    decision_reason = models.TextField(_("결정 사유"), blank=True)
    applied_at = models.DateTimeField(_("신청 일시"), default=timezone.now)
    decided_at = models.DateTimeField(_("결정 일시"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("결정한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("사업 참여 신청")
        verbose_name_plural = _("사업 참여 신청")
        ordering = ["-applied_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["resident", "program"], name="unique_program_application")
        ]
        indexes = [models.Index(fields=["program", "status"])]

    def __str__(self):
        return f"{self.resident.name} → {self.program} ({self.get_status_display()})"

    def can_move_to(self, status):
        return status in self.TRANSITIONS.get(self.status, set())


class ProgramApplicationEvent(TimelineEvent):
    """One status change of a program application (the timeline residents and staff see)."""

    application = models.ForeignKey(
        ProgramApplication,
        verbose_name=_("사업 참여 신청"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    status = models.CharField(_("상태"), max_length=20, choices=ProgramApplication.Status.choices)
    reason = models.TextField(_("사유"), blank=True)

    class Meta(TimelineEvent.Meta):
        verbose_name = _("사업 신청 처리 이력")
        verbose_name_plural = _("사업 신청 처리 이력")
