"""Employers (기업), their hiring agreements with the district (업무제휴) and their vacancies."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guro_jobs.validators import normalize_business_number
from references import wages
from references.choices import Career, EducationLevel, EmploymentType, SeoulDistrict, WageUnit


class Employer(models.Model):
    """A firm that hires residents: an anchor partner, a Digital Valley firm, a social enterprise."""

    class Kind(models.TextChoices):
        ANCHOR_PARTNER = "anchor_partner", _("거점 협약기업")
        DIGITAL_VALLEY = "digital_valley", _("디지털단지 입주기업")
        SOCIAL_ENTERPRISE = "social_enterprise", _("사회적기업")
        OTHER = "other", _("기타 기업")

    name = models.CharField(_("기업명"), max_length=100)
    business_number = models.CharField(
        _("사업자등록번호"),
        max_length=12,
        blank=True,
        help_text=_("123-45-67890 형식. 검증번호를 확인합니다."),
    )
    kind = models.CharField(_("기업 구분"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    industry = models.CharField(_("업종"), max_length=60, blank=True)
    representative = models.CharField(_("대표자"), max_length=50, blank=True)
    address = models.CharField(_("주소"), max_length=200, blank=True)
    dong = models.ForeignKey(
        "references.AdministrativeDong",
        verbose_name=_("소재 행정동"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employers",
    )
    in_digital_valley = models.BooleanField(_("구로디지털단지 입주"), default=False)
    headcount = models.PositiveIntegerField(_("상시 근로자 수"), null=True, blank=True)
    phone = models.CharField(_("대표 전화"), max_length=13, blank=True)
    # The public page (/companies/<id>/) shows these as staff last approved them
    # (EmployerProfileChange); the employer proposes changes, it never writes them directly.
    description = models.TextField(_("기업 소개"), blank=True, help_text=_("하는 일, 주요 제품·서비스"))
    website = models.URLField(_("홈페이지"), max_length=300, blank=True)
    profile_approved_at = models.DateTimeField(_("기업 소개 승인 일시"), null=True, blank=True)
    created_at = models.DateTimeField(_("등록 일시"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("기업")
        verbose_name_plural = _("기업")
        ordering = ["name"]
        # The name search's trigram index (employer_name_trgm) is PostgreSQL's alone: employers migration 0005.
        constraints = [
            models.UniqueConstraint(
                fields=["business_number"],
                condition=~Q(business_number=""),
                name="unique_employer_business_number",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.business_number:
            try:
                self.business_number = normalize_business_number(self.business_number)
            except ValidationError as error:
                raise ValidationError({"business_number": error.messages}) from error
        if self.kind == self.Kind.DIGITAL_VALLEY and not self.in_digital_valley:
            raise ValidationError(
                {"in_digital_valley": _("디지털단지 입주기업은 '구로디지털단지 입주'에 표시해야 합니다.")}
            )


class Agreement(models.Model):
    """A local-hiring agreement (업무제휴), e.g. D-Cube City: 1,000 staff, 50% from Guro."""

    class Incentive(models.TextChoices):
        LOCAL_TAX_REDUCTION = "local_tax_reduction", _("지방세 감면")
        TAX_AUDIT_EXEMPTION = "tax_audit_exemption", _("세무조사 면제")
        HIRING_SUBSIDY = "hiring_subsidy", _("채용 장려금")
        TRAINING_SUPPORT = "training_support", _("직무교육 지원")
        PUBLICITY = "publicity", _("구 홍보 지원")

    employer = models.ForeignKey(
        Employer, verbose_name=_("기업"), on_delete=models.PROTECT, related_name="agreements"
    )
    title = models.CharField(_("협약명"), max_length=120)
    signed_on = models.DateField(_("체결일"))
    starts_on = models.DateField(_("협약 시작일"))
    ends_on = models.DateField(_("협약 종료일"), null=True, blank=True)
    planned_hires = models.PositiveIntegerField(_("채용 예정 인원"))
    local_hire_share = models.DecimalField(
        _("지역 주민 채용 비율(%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    incentives = models.JSONField(_("제공 인센티브"), default=list, blank=True)
    notes = models.TextField(_("비고"), blank=True)

    class Meta:
        verbose_name = _("업무제휴 협약")
        verbose_name_plural = _("업무제휴 협약")
        ordering = ["-signed_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(local_hire_share__gte=0) & Q(local_hire_share__lte=100),
                name="agreement_share_is_percentage",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__lte=models.F("ends_on")),
                name="agreement_dates_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.employer.name} · {self.title}"

    @property
    def local_hire_quota(self):
        """Residents to hire from Guro: planned hires × share (1,000 × 50% = 500)."""
        quota = Decimal(self.planned_hires) * Decimal(self.local_hire_share) / Decimal(100)
        return int(quota.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.starts_on > self.ends_on:
            errors["ends_on"] = _("협약 종료일은 시작일보다 빠를 수 없습니다.")
        if not isinstance(self.incentives, list) or not set(self.incentives) <= set(self.Incentive.values):
            errors["incentives"] = _("알 수 없는 인센티브가 있습니다.")
        if errors:
            raise ValidationError(errors)


class Vacancy(models.Model):
    """A job an employer offers; staff approve it before it is open to residents."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("작성 중")
        PENDING_REVIEW = "pending_review", _("승인 대기")
        OPEN = "open", _("모집 중")
        CLOSED = "closed", _("마감")
        FILLED = "filled", _("채용 완료")

    class Source(models.TextChoices):
        LOCAL = "local", _("구로 일자리 포털")
        NATIONAL = "national", _("고용24")

    TRANSITIONS = {
        Status.DRAFT: {Status.PENDING_REVIEW},
        Status.PENDING_REVIEW: {Status.OPEN, Status.DRAFT},
        Status.OPEN: {Status.CLOSED, Status.FILLED},
        Status.CLOSED: {Status.OPEN},
        Status.FILLED: set(),
    }

    employer = models.ForeignKey(
        Employer, verbose_name=_("기업"), on_delete=models.PROTECT, related_name="vacancies"
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("관련 협약"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vacancies",
    )
    title = models.CharField(_("채용 제목"), max_length=120)
    description = models.TextField(_("업무 내용"))
    occupation = models.ForeignKey(
        "references.Occupation",
        verbose_name=_("직종"),
        on_delete=models.PROTECT,
        related_name="vacancies",
    )
    employment_type = models.CharField(_("고용 형태"), max_length=20, choices=EmploymentType.choices)
    wage_amount = models.PositiveIntegerField(_("임금(원)"))
    wage_unit = models.CharField(
        _("임금 단위"), max_length=10, choices=WageUnit.choices, default=WageUnit.MONTHLY
    )
    # Wide enough for any wage_amount in any unit, even one saved without validation.
    monthly_wage = models.PositiveBigIntegerField(
        _("월 환산 임금(원)"),
        editable=False,
        default=0,
        help_text=_("검색과 비교를 위해 임금을 월 단위로 환산한 값입니다."),
    )
    weekly_hours = models.PositiveSmallIntegerField(
        _("주당 근로시간"), validators=[MinValueValidator(1), MaxValueValidator(68)]
    )
    work_place = models.CharField(_("근무지 주소"), max_length=200)
    dong = models.ForeignKey(
        "references.AdministrativeDong",
        verbose_name=_("근무지 행정동"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vacancies",
    )
    work_days_per_week = models.PositiveSmallIntegerField(
        _("주당 근무일수"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    district = models.CharField(
        _("근무지 자치구"),
        max_length=5,
        choices=SeoulDistrict.choices,
        blank=True,
        help_text=_("서울 밖 근무지는 비워 둡니다."),
    )
    openings = models.PositiveSmallIntegerField(_("모집 인원"), validators=[MinValueValidator(1)])
    career = models.CharField(_("경력 조건"), max_length=12, choices=Career.choices, default=Career.ANY)
    career_min_years = models.PositiveSmallIntegerField(
        _("최소 경력(년)"), default=0, validators=[MaxValueValidator(50)]
    )
    required_education = models.CharField(
        _("요구 학력"), max_length=30, choices=EducationLevel.choices, blank=True
    )
    required_skills = models.ManyToManyField(
        "references.Skill", verbose_name=_("요구 기술·자격증"), blank=True, related_name="vacancies"
    )
    status = models.CharField(_("상태"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    posted_on = models.DateField(_("게시일"), null=True, blank=True)
    closes_on = models.DateField(_("마감일"), null=True, blank=True)
    source = models.CharField(_("출처"), max_length=10, choices=Source.choices, default=Source.LOCAL)
    national_posting_number = models.CharField(_("고용24 구인인증번호"), max_length=40, blank=True)
    external_url = models.URLField(_("고용24 공고 주소"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("등록 일시"), default=timezone.now, editable=False)
    approved_at = models.DateTimeField(_("승인 일시"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("승인한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("채용 공고")
        verbose_name_plural = _("채용 공고")
        ordering = ["-posted_on", "-id"]
        indexes = [
            models.Index(fields=["status", "posted_on"]),
            models.Index(fields=["monthly_wage"]),
            models.Index(fields=["source", "status"]),
            # The search's order (posted here first, newest first) over open vacancies only.
            models.Index(
                fields=["source", "-posted_on", "-id"],
                condition=Q(status="open"),
                name="vacancy_open_listing",
            ),
            # Partial-word Korean search (icontains → UPPER(col) LIKE '%…%') uses the trigram indexes
            # vacancy_title_trgm and vacancy_description_trgm on PostgreSQL; they are the database's
            # alone, outside the models' state (employers migration 0005), so SQLite's table rebuilds
            # never try to create them.
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(posted_on__isnull=True)
                | Q(closes_on__isnull=True)
                | Q(posted_on__lte=models.F("closes_on")),
                name="vacancy_dates_ordered",
            ),
            models.UniqueConstraint(
                fields=["national_posting_number"],
                condition=~Q(national_posting_number=""),
                name="unique_vacancy_national_posting_number",
            ),
        ]

    def __str__(self):
        return f"{self.title} · {self.employer.name}"

    # Hours used to compare wages across units (kept in references/wages.py): 209 paid hours a
    # month (Korea's minimum-wage monthly standard for a 40-hour week); 21.7 working days a month.
    MONTHLY_HOURS = wages.MONTHLY_HOURS
    MONTHLY_DAYS = wages.MONTHLY_DAYS

    def compute_monthly_wage(self):
        amount = wages.monthly_equivalent(
            amount=self.wage_amount, unit=self.wage_unit, weekly_hours=self.weekly_hours
        )
        return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def wage_year(self):
        """The year whose minimum wage applies: the posting's, or this year's before it is posted."""
        if self.posted_on:
            return self.posted_on.year
        if self.created_at:
            return timezone.localtime(self.created_at).year
        return timezone.localdate().year

    def wage_error(self):
        """A Korean message when the wage is below the year's minimum wage or above the ceiling."""
        if self.wage_amount is None or self.wage_unit not in WageUnit.values:
            return None
        hours = self.weekly_hours if self.weekly_hours and 1 <= self.weekly_hours <= 68 else 40
        if self.compute_monthly_wage() > wages.MAXIMUM_MONTHLY_WAGE:
            return _(
                "임금이 너무 많습니다. 월 환산 %(ceiling)s원 이하여야 합니다. 임금 단위(시급·일급·월급·연봉)를 확인해 주세요."
            ) % {"ceiling": f"{wages.MAXIMUM_MONTHLY_WAGE:,}"}
        year = self.wage_year
        minimum = wages.minimum_wage(year=year, unit=self.wage_unit, weekly_hours=hours)
        if self.wage_amount < minimum:
            return _(
                "%(year)s년 최저임금(시급 %(hourly)s원)보다 적습니다. 주 %(hours)s시간 %(unit)s은 %(minimum)s원 이상이어야 합니다."
            ) % {
                "year": year,
                "hourly": f"{wages.minimum_hourly_wage(year):,}",
                "hours": min(hours, 40),
                "unit": WageUnit(self.wage_unit).label,
                "minimum": f"{minimum:,}",
            }
        return None

    def save(self, *args, **kwargs):
        self.monthly_wage = self.compute_monthly_wage()
        super().save(*args, **kwargs)

    def can_move_to(self, status):
        return status in self.TRANSITIONS.get(self.status, set())

    def clean(self):
        errors = {}
        if self.posted_on and self.closes_on and self.posted_on > self.closes_on:
            errors["closes_on"] = _("마감일은 게시일보다 빠를 수 없습니다.")
        if self.agreement_id and self.employer_id and self.agreement.employer_id != self.employer_id:
            errors["agreement"] = _("다른 기업의 협약은 고를 수 없습니다.")
        wage_error = self.wage_error()
        if wage_error:
            errors["wage_amount"] = wage_error
        if errors:
            raise ValidationError(errors)


class IncentiveGrant(models.Model):
    """One line of an agreement's incentive ledger: an incentive the plan offers (지방세 감면,
    세무조사 면제 …), the verified local hires it needs, and staff's grant or refusal with a reason.
    A local hire is verified when the 1-month retention check found the person still employed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("심사 대기")
        GRANTED = "granted", _("부여")
        REFUSED = "refused", _("거절")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("업무제휴 협약"), on_delete=models.CASCADE, related_name="incentive_grants"
    )
    incentive = models.CharField(_("인센티브"), max_length=30, choices=Agreement.Incentive.choices)
    required_local_hires = models.PositiveIntegerField(
        _("필요한 확인된 지역 주민 채용(명)"),
        help_text=_(
            "이 인원만큼 지역 주민 채용이 확인되면 부여 대상이 됩니다. 보통 협약의 지역 주민 채용 목표입니다."
        ),
    )
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_at = models.DateTimeField(_("결정 일시"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("결정한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_local_hires_at_decision = models.PositiveIntegerField(
        _("결정 당시 확인된 지역 주민 채용(명)"), null=True, blank=True
    )
    reason = models.TextField(_("결정 사유"), blank=True)

    class Meta:
        verbose_name = _("협약 인센티브 대장")
        verbose_name_plural = _("협약 인센티브 대장")
        ordering = ["agreement", "incentive"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "incentive"], name="unique_agreement_incentive"),
            models.CheckConstraint(
                condition=Q(status="pending", decided_at__isnull=True)
                | Q(~Q(status="pending"), decided_at__isnull=False),
                name="incentive_decision_matches_status",
            ),
        ]

    def __str__(self):
        return f"{self.agreement} · {self.get_incentive_display()} ({self.get_status_display()})"


class PartnerSchool(models.Model):
    """A vocational high school (특성화고) partnering with the district: its students' placements
    with Digital Valley firms count towards the plan's ≥ 6,000 local hires there."""

    name = models.CharField(_("학교명"), max_length=100, unique=True)
    dong = models.ForeignKey(
        "references.AdministrativeDong",
        verbose_name=_("소재 행정동"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    partnered_on = models.DateField(_("협력 시작일"), null=True, blank=True)
    students = models.ManyToManyField(
        "residents.Resident", verbose_name=_("학생·졸업생"), blank=True, related_name="partner_schools"
    )

    class Meta:
        verbose_name = _("협력 특성화고")
        verbose_name_plural = _("협력 특성화고")
        ordering = ["name"]

    def __str__(self):
        return self.name


class EmployerProfileChange(models.Model):
    """An employer's proposed public profile; staff approve it (then it is copied onto the
    Employer and shows on /companies/<id>/) or reject it with a reason, as they review vacancies."""

    class Status(models.TextChoices):
        PENDING = "pending", _("승인 대기")
        APPROVED = "approved", _("승인")
        REJECTED = "rejected", _("반려")

    # The fields an employer may propose, in the order the form shows them.
    FIELDS = ("description", "industry", "headcount", "address", "dong", "website")

    employer = models.ForeignKey(
        Employer, verbose_name=_("기업"), on_delete=models.CASCADE, related_name="profile_changes"
    )
    description = models.TextField(_("기업 소개"), blank=True, help_text=_("하는 일, 주요 제품·서비스"))
    industry = models.CharField(_("업종"), max_length=60, blank=True)
    headcount = models.PositiveIntegerField(_("상시 근로자 수"), null=True, blank=True)
    address = models.CharField(_("주소"), max_length=200, blank=True)
    dong = models.ForeignKey(
        "references.AdministrativeDong",
        verbose_name=_("소재 행정동"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    website = models.URLField(_("홈페이지"), max_length=300, blank=True)
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.PENDING)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("요청한 사람"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("요청 일시"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("결정한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("결정 일시"), null=True, blank=True)
    reason = models.TextField(_("반려 사유"), blank=True)

    class Meta:
        verbose_name = _("기업 소개 변경 요청")
        verbose_name_plural = _("기업 소개 변경 요청")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["employer"], condition=Q(status="pending"), name="one_pending_profile_change"
            ),
            models.CheckConstraint(
                condition=Q(status="pending", decided_at__isnull=True)
                | Q(~Q(status="pending"), decided_at__isnull=False),
                name="profile_change_decision_matches_status",
            ),
        ]

    def __str__(self):
        return f"{self.employer.name} · {self.get_status_display()}"
