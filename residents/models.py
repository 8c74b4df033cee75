"""Residents (구직자): the job seekers the district serves, and their PIPA consents."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guro_jobs.validators import normalize_phone, validate_not_future
from references.choices import EducationLevel, EmploymentStatus, EmploymentType, Gender


def age_on(birth_date, day):
    """Full years of age (만 나이) on a day."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


class Resident(models.Model):
    """A job seeker. A resident registration number (주민등록번호) is never collected."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("로그인 계정"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resident",
    )
    name = models.CharField(_("이름"), max_length=50)
    birth_date = models.DateField(_("생년월일"), validators=[validate_not_future])
    # Blank: "선택 안 함" (not given) is a valid answer on the sign-up, the profile and the API.
    gender = models.CharField(_("성별"), max_length=10, choices=Gender.choices, blank=True)
    dong = models.ForeignKey(
        "references.AdministrativeDong",
        verbose_name=_("거주 행정동"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="residents",
        help_text=_("구로구 밖에 사는 경우 비워 두고 거주 지역을 적습니다."),
    )
    outside_region = models.CharField(
        _("구외 거주 지역"),
        max_length=60,
        blank=True,
        help_text=_("구로구 밖에 사는 경우의 시·군·구 (예: 광명시)."),
    )
    phone = models.CharField(_("휴대전화"), max_length=13)
    email = models.EmailField(_("이메일"), blank=True)
    education_level = models.CharField(_("최종 학력"), max_length=30, choices=EducationLevel.choices)
    employment_status = models.CharField(
        _("고용 상태"),
        max_length=30,
        choices=EmploymentStatus.choices,
        default=EmploymentStatus.UNEMPLOYED,
    )
    unemployed_since = models.DateField(
        _("구직 시작일"),
        null=True,
        blank=True,
        validators=[validate_not_future],
        help_text=_("실업 또는 정기 소득이 없어진 날. 장기 실업 판단에 씁니다."),
    )
    priority_groups = models.ManyToManyField(
        "references.PriorityGroup",
        verbose_name=_("우선 지원 대상"),
        through="ResidentPriorityGroup",
        blank=True,
        related_name="residents",
    )
    skills = models.ManyToManyField(
        "references.Skill", verbose_name=_("보유 기술·자격증"), blank=True, related_name="residents"
    )
    desired_occupations = models.ManyToManyField(
        "references.Occupation", verbose_name=_("희망 직종"), blank=True, related_name="residents"
    )
    desired_employment_types = models.JSONField(
        _("희망 고용 형태"),
        default=list,
        blank=True,
        help_text=_("정규직, 계약직, 시간제, 일용직, 인턴 중에서 고릅니다."),
    )
    desired_monthly_wage = models.PositiveIntegerField(
        _("희망 월급(원)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    career_summary = models.TextField(_("경력 요약"), blank=True)

    collection_consented_at = models.DateTimeField(_("수집·이용 동의 일시"))
    provision_consented_at = models.DateTimeField(
        _("제3자(기업) 제공 동의 일시"),
        null=True,
        blank=True,
        help_text=_("비어 있으면 기업에 정보를 제공하지 않습니다."),
    )
    consent_version = models.CharField(_("동의서 버전"), max_length=20)

    deletion_requested_at = models.DateTimeField(_("탈퇴 요청 일시"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("익명 처리 일시"), null=True, blank=True)
    created_at = models.DateTimeField(_("등록 일시"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("수정 일시"), auto_now=True)
    last_active_at = models.DateTimeField(_("최근 활동 일시"), default=timezone.now)

    class Meta:
        verbose_name = _("구직자")
        verbose_name_plural = _("구직자")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["name", "birth_date"]),
            models.Index(fields=["phone"]),
            models.Index(fields=["-created_at", "-id"], name="resident_newest_first"),
        ]

    def __str__(self):
        return f"{self.name} ({self.birth_date.year}년생)" if self.birth_date else self.name

    @property
    def lives_in_guro(self):
        return self.dong_id is not None

    @property
    def has_provision_consent(self):
        return self.provision_consented_at is not None

    @property
    def birth_year(self):
        return self.birth_date.year

    def age_on(self, day=None):
        return age_on(self.birth_date, day or timezone.localdate())

    def clean(self):
        errors = {}
        if self.phone:
            try:
                self.phone = normalize_phone(self.phone)
            except ValidationError as error:
                errors["phone"] = error.messages
        if self.dong_id is None and not self.outside_region and not self.anonymised_at:
            errors["outside_region"] = _("구로구 밖에 사는 경우 거주 지역을 적어 주세요.")
        if self.dong_id is not None and self.outside_region:
            errors["outside_region"] = _("구로구 행정동을 고른 경우 구외 거주 지역은 비워 두세요.")
        allowed = set(EmploymentType.values)
        if (
            not isinstance(self.desired_employment_types, list)
            or not set(self.desired_employment_types) <= allowed
        ):
            errors["desired_employment_types"] = _("희망 고용 형태에 알 수 없는 값이 있습니다.")
        if self.birth_date and self.birth_date.year < 1900:
            errors["birth_date"] = _("생년월일을 다시 확인해 주세요.")
        if errors:
            raise ValidationError(errors)


class PriorityClaimQuerySet(models.QuerySet):
    def counting(self, on_day=None):
        """Claims that count: checked by staff against a document, and not past their validity."""
        on_day = on_day or timezone.localdate()
        return (
            self.filter(verified_at__isnull=False)
            .exclude(document_type="")
            .filter(models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=on_day))
        )

    def expired(self, on_day=None):
        """Verified claims past their validity: they no longer count and wait for re-verification."""
        on_day = on_day or timezone.localdate()
        return self.filter(verified_at__isnull=False, valid_until__lt=on_day)


class ResidentPriorityGroup(models.Model):
    """A resident's claim to a priority group; it counts only once staff verified it against a
    document, and until the verification's validity ends."""

    class DocumentType(models.TextChoices):
        BENEFIT_CERTIFICATE = "benefit_certificate", _("수급자 증명서")
        NEAR_POVERTY_CERTIFICATE = "near_poverty_certificate", _("차상위계층 확인서")
        SINGLE_PARENT_CERTIFICATE = "single_parent_certificate", _("한부모가족 증명서")
        DISABILITY_CERTIFICATE = "disability_certificate", _("장애인 증명서")
        FAMILY_RELATION_CERTIFICATE = "family_relation_certificate", _("가족관계증명서")
        PROGRAM_COMPLETION = "program_completion", _("사업 참여 확인서")
        OTHER = "other", _("기타 증빙 서류")

    class State(models.TextChoices):
        UNVERIFIED = "unverified", _("확인 대기")
        VERIFIED = "verified", _("확인됨")
        EXPIRED = "expired", _("유효 기간 만료 (재확인 필요)")

    resident = models.ForeignKey(Resident, verbose_name=_("구직자"), on_delete=models.CASCADE)
    priority_group = models.ForeignKey(
        "references.PriorityGroup", verbose_name=_("우선 지원 대상"), on_delete=models.PROTECT
    )
    verified_at = models.DateTimeField(_("확인 일시"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("확인한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    document_type = models.CharField(_("확인 서류"), max_length=40, choices=DocumentType.choices, blank=True)
    valid_until = models.DateField(
        _("유효 기간"),
        null=True,
        blank=True,
        help_text=_("이 날짜가 지나면 가점에 반영되지 않고 재확인 목록에 오릅니다. 비우면 기한이 없습니다."),
    )

    objects = PriorityClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("우선 지원 대상 해당 여부")
        verbose_name_plural = _("우선 지원 대상 해당 여부")
        constraints = [
            models.UniqueConstraint(
                fields=["resident", "priority_group"], name="unique_resident_priority_group"
            )
        ]

    def __str__(self):
        return f"{self.resident.name} · {self.priority_group.name}"

    def state_on(self, on_day=None):
        on_day = on_day or timezone.localdate()
        if self.verified_at is None or not self.document_type:
            return self.State.UNVERIFIED
        if self.valid_until is not None and self.valid_until < on_day:
            return self.State.EXPIRED
        return self.State.VERIFIED

    @property
    def state(self):
        return self.state_on()

    @property
    def counts(self):
        return self.state == self.State.VERIFIED

    def get_state_display(self):
        return self.State(self.state).label

    def clean(self):
        if self.verified_at is not None and not self.document_type:
            raise ValidationError({"document_type": _("확인한 서류의 종류를 골라 주세요.")})


class ConsentRecord(models.Model):
    """Every consent given or withdrawn, with the version of the text shown (PIPA Art. 22)."""

    class Kind(models.TextChoices):
        COLLECTION = "collection", _("개인정보 수집·이용")
        PROVISION = "provision", _("개인정보 제3자(기업) 제공")

    resident = models.ForeignKey(
        Resident, verbose_name=_("구직자"), on_delete=models.CASCADE, related_name="consents"
    )
    kind = models.CharField(_("동의 종류"), max_length=20, choices=Kind.choices)
    granted = models.BooleanField(_("동의 여부"))
    text_version = models.CharField(_("동의서 버전"), max_length=20)
    recorded_at = models.DateTimeField(_("기록 일시"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("접속 IP"), null=True, blank=True)

    class Meta:
        verbose_name = _("동의 기록")
        verbose_name_plural = _("동의 기록")
        ordering = ["-recorded_at", "-id"]

    def __str__(self):
        state = _("동의") if self.granted else _("철회")
        return f"{self.resident.name} · {self.get_kind_display()} {state}"


class PriorityVerification(models.Model):
    """One check of a priority claim against a document, kept for the case history even after
    the claim is re-verified or removed."""

    resident = models.ForeignKey(
        Resident, verbose_name=_("구직자"), on_delete=models.CASCADE, related_name="priority_verifications"
    )
    priority_group = models.ForeignKey(
        "references.PriorityGroup", verbose_name=_("우선 지원 대상"), on_delete=models.PROTECT
    )
    document_type = models.CharField(
        _("확인 서류"), max_length=40, choices=ResidentPriorityGroup.DocumentType.choices
    )
    verified_at = models.DateTimeField(_("확인 일시"), default=timezone.now)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("확인한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    valid_until = models.DateField(_("유효 기간"), null=True, blank=True)

    class Meta:
        verbose_name = _("우선 지원 대상 확인 기록")
        verbose_name_plural = _("우선 지원 대상 확인 기록")
        ordering = ["-verified_at", "-id"]

    def __str__(self):
        return f"{self.resident.name} · {self.priority_group.name} · {self.get_document_type_display()}"
