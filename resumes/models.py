"""Resumes (이력서): a resident's structured history, self-introduction and an attached file.

A resident keeps several resumes and picks one when applying; the application keeps a snapshot
(placements.ApplicationResume), so what an employer read does not change when the resume does."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guro_jobs.validators import validate_not_future


class Resume(models.Model):
    class ScanStatus(models.TextChoices):
        UNSCANNED = "unscanned", _("검사 안 함")
        CLEAN = "clean", _("검사 통과")

    resident = models.ForeignKey(
        "residents.Resident", verbose_name=_("구직자"), on_delete=models.CASCADE, related_name="resumes"
    )
    title = models.CharField(_("이력서 제목"), max_length=100)
    is_default = models.BooleanField(_("기본 이력서"), default=False)
    desired_occupations = models.ManyToManyField(
        "references.Occupation", verbose_name=_("희망 직종"), blank=True, related_name="+"
    )
    desired_employment_types = models.JSONField(_("희망 고용 형태"), default=list, blank=True)
    desired_monthly_wage = models.PositiveIntegerField(_("희망 월급(원)"), null=True, blank=True)
    desired_area = models.CharField(_("희망 근무 지역"), max_length=100, blank=True)
    growth = models.TextField(_("성장과정"), blank=True, max_length=4000)
    motivation = models.TextField(_("지원동기"), blank=True, max_length=4000)
    aspirations = models.TextField(_("입사 후 포부"), blank=True, max_length=4000)
    other = models.TextField(_("기타"), blank=True, max_length=4000)
    # The attached file, kept in the private upload store (guro_jobs.uploads): it has no URL.
    file_name = models.CharField(_("첨부 파일 이름"), max_length=200, blank=True)
    file_path = models.CharField(_("저장 위치"), max_length=300, blank=True, editable=False)
    file_kind = models.CharField(_("파일 형식"), max_length=10, blank=True, editable=False)
    file_size = models.PositiveIntegerField(_("파일 크기(바이트)"), null=True, blank=True, editable=False)
    scan_status = models.CharField(
        _("바이러스 검사"), max_length=12, choices=ScanStatus.choices, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("작성 일시"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("수정 일시"), auto_now=True)

    class Meta:
        verbose_name = _("이력서")
        verbose_name_plural = _("이력서")
        ordering = ["-is_default", "-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["resident"], condition=Q(is_default=True), name="one_default_resume_per_resident"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def has_file(self):
        return bool(self.file_path)


class EducationEntry(models.Model):
    class Status(models.TextChoices):
        GRADUATED = "graduated", _("졸업")
        EXPECTED = "expected", _("졸업예정")
        ENROLLED = "enrolled", _("재학")
        DROPPED_OUT = "dropped_out", _("중퇴")

    resume = models.ForeignKey(
        Resume, verbose_name=_("이력서"), on_delete=models.CASCADE, related_name="education"
    )
    school = models.CharField(_("학교"), max_length=100)
    major = models.CharField(_("전공"), max_length=100, blank=True)
    started_on = models.DateField(_("입학"), validators=[validate_not_future])
    ended_on = models.DateField(_("졸업(예정)"), null=True, blank=True)
    status = models.CharField(_("상태"), max_length=12, choices=Status.choices, default=Status.GRADUATED)

    class Meta:
        verbose_name = _("학력")
        verbose_name_plural = _("학력")
        ordering = ["started_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="education_dates_ordered",
            )
        ]

    def __str__(self):
        return self.school

    def clean(self):
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("졸업(예정)일은 입학일보다 빠를 수 없습니다.")})


class CareerEntry(models.Model):
    resume = models.ForeignKey(
        Resume, verbose_name=_("이력서"), on_delete=models.CASCADE, related_name="careers"
    )
    employer_name = models.CharField(_("회사"), max_length=100)
    started_on = models.DateField(_("입사"), validators=[validate_not_future])
    ended_on = models.DateField(_("퇴사"), null=True, blank=True)
    is_current = models.BooleanField(_("재직 중"), default=False)
    position = models.CharField(_("직위·직책"), max_length=100, blank=True)
    duties = models.TextField(_("담당 업무"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("경력")
        verbose_name_plural = _("경력")
        ordering = ["started_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="career_dates_ordered",
            )
        ]

    def __str__(self):
        return self.employer_name

    def clean(self):
        errors = {}
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            errors["ended_on"] = _("퇴사일은 입사일보다 빠를 수 없습니다.")
        if self.is_current and self.ended_on:
            errors["ended_on"] = _("재직 중이면 퇴사일은 비워 두세요.")
        if not self.is_current and not self.ended_on:
            errors["ended_on"] = _("퇴사일을 적거나 '재직 중'을 고르세요.")
        if errors:
            raise ValidationError(errors)


class CertificateEntry(models.Model):
    resume = models.ForeignKey(
        Resume, verbose_name=_("이력서"), on_delete=models.CASCADE, related_name="certificates"
    )
    name = models.CharField(_("자격증"), max_length=100)
    issuer = models.CharField(_("발급 기관"), max_length=100, blank=True)
    acquired_on = models.DateField(_("취득일"), null=True, blank=True, validators=[validate_not_future])
    number = models.CharField(_("자격 번호"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("자격증")
        verbose_name_plural = _("자격증")
        ordering = ["acquired_on", "id"]

    def __str__(self):
        return self.name


class LanguageEntry(models.Model):
    resume = models.ForeignKey(
        Resume, verbose_name=_("이력서"), on_delete=models.CASCADE, related_name="languages"
    )
    language = models.CharField(_("언어"), max_length=50)
    level = models.CharField(
        _("수준·시험 점수"), max_length=100, blank=True, help_text=_("예: 일상 회화, TOEIC 850")
    )

    class Meta:
        verbose_name = _("외국어")
        verbose_name_plural = _("외국어")
        ordering = ["id"]

    def __str__(self):
        return self.language
