"""Agreement and Valley targets, the labour statistics and the dashboard snapshots."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Target(models.Model):
    """A plan-period target outside the yearly plans: an agreement's local hires or the Valley's.

    Yearly, sector and per-project targets belong to the plans (plans.YearPlan, plans.ProjectTarget).
    """

    class Sector(models.TextChoices):
        TOTAL = "total", _("전체")
        PUBLIC = "public", _("공공")
        PRIVATE = "private", _("민간")

    class Scope(models.TextChoices):
        AGREEMENT = "agreement", _("협약별 목표")
        DIGITAL_VALLEY = "digital_valley", _("디지털단지 지역 채용 목표")

    scope = models.CharField(_("목표 구분"), max_length=20, choices=Scope.choices, default=Scope.AGREEMENT)
    year = models.PositiveSmallIntegerField(
        _("연도"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("계획 기간 전체의 목표(디지털단지 등)는 비워 둡니다."),
    )
    sector = models.CharField(_("부문"), max_length=10, choices=Sector.choices)
    agreement = models.ForeignKey(
        "employers.Agreement",
        verbose_name=_("업무제휴 협약"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="targets",
    )
    count = models.PositiveIntegerField(_("목표 인원"))
    note = models.CharField(_("비고"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("협약·디지털단지 목표")
        verbose_name_plural = _("협약·디지털단지 목표")
        ordering = ["year", "scope", "sector"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(scope="agreement") | Q(agreement__isnull=False),
                name="agreement_target_has_agreement",
            ),
        ]

    def __str__(self):
        period = f"{self.year}년" if self.year else _("계획 기간")
        if self.scope == self.Scope.AGREEMENT and self.agreement_id:
            return f"{period} {self.agreement} {self.count:,}명"
        return f"{period} {self.get_scope_display()} {self.get_sector_display()} {self.count:,}명"

    def clean(self):
        if self.scope == self.Scope.AGREEMENT and not self.agreement_id:
            raise ValidationError({"agreement": _("협약별 목표에는 협약을 지정해야 합니다.")})


class LabourStat(models.Model):
    """Guro's labour figures for a year (인구, 경제활동인구, 취업자, 실업자), with their source."""

    year = models.PositiveSmallIntegerField(
        _("연도"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    month = models.PositiveSmallIntegerField(
        _("기준 월"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    population = models.PositiveIntegerField(_("인구"))
    economically_active = models.PositiveIntegerField(_("경제활동인구"))
    employed = models.PositiveIntegerField(_("취업자"))
    unemployed = models.PositiveIntegerField(_("실업자"))
    national_unemployment_rate = models.DecimalField(
        _("전국 실업률(%)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    source = models.CharField(_("출처"), max_length=200)

    class Meta:
        verbose_name = _("고용 통계")
        verbose_name_plural = _("고용 통계")
        ordering = ["-year", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["year", "month"], name="unique_labour_stat_period"),
            models.CheckConstraint(
                condition=Q(economically_active__lte=models.F("population")),
                name="labour_active_within_population",
            ),
        ]

    def __str__(self):
        period = f"{self.year}년 {self.month}월" if self.month else f"{self.year}년"
        return f"{period} 구로구 고용 통계"

    @property
    def economically_inactive(self):
        return self.population - self.economically_active

    @property
    def unemployment_rate(self):
        if not self.economically_active:
            return None
        return round(self.unemployed * 100 / self.economically_active, 1)

    def clean(self):
        if (
            self.employed is not None
            and self.unemployed is not None
            and self.economically_active is not None
            and self.employed + self.unemployed != self.economically_active
        ):
            raise ValidationError({"unemployed": _("취업자와 실업자의 합은 경제활동인구와 같아야 합니다.")})
        if (
            self.economically_active is not None
            and self.population is not None
            and self.economically_active > self.population
        ):
            raise ValidationError({"economically_active": _("경제활동인구는 인구보다 많을 수 없습니다.")})


class DashboardSnapshot(models.Model):
    """The computed dashboard figures for one year; one row per year, replaced on recompute."""

    year = models.PositiveSmallIntegerField(_("연도"), unique=True)
    computed_at = models.DateTimeField(_("계산 일시"), default=timezone.now)
    data = models.JSONField(_("집계 결과"), default=dict)

    class Meta:
        verbose_name = _("대시보드 집계")
        verbose_name_plural = _("대시보드 집계")
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year}년 대시보드 ({timezone.localtime(self.computed_at):%Y-%m-%d %H:%M})"


class ForecastWarning(models.Model):
    """The last warning mailed to managers about one projection of a year (a sector or a program),
    so that a projection below its threshold is mailed once, and again only when it worsens."""

    year = models.PositiveSmallIntegerField(_("연도"))
    key = models.CharField(_("대상"), max_length=40, help_text=_("sector:total, program:12 …"))
    label = models.CharField(_("이름"), max_length=200)
    warned_rate = models.DecimalField(_("경고 당시 예상 달성률(%)"), max_digits=6, decimal_places=1)
    warned_at = models.DateTimeField(_("경고 일시"), default=timezone.now)

    class Meta:
        verbose_name = _("연말 예상 경고")
        verbose_name_plural = _("연말 예상 경고")
        ordering = ["-year", "key"]
        constraints = [
            models.UniqueConstraint(fields=["year", "key"], name="one_forecast_warning_per_target")
        ]

    def __str__(self):
        return f"{self.year}년 {self.label} {self.warned_rate}%"
