"""The plans of the local job-target disclosure system (지역 일자리 목표 공시제).

A comprehensive plan (종합계획) covers a mayor's term; each year of it has a yearly detailed plan
(연차별 세부계획) with the sector targets, the common indicators and the per-project targets.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from references.choices import Sector

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class Plan(models.Model):
    """A comprehensive plan (종합계획) for a term, e.g. 민선 5기 2010–2014, with its stated totals."""

    title = models.CharField(_("계획 이름"), max_length=200)
    term = models.CharField(_("임기"), max_length=50, blank=True, help_text=_("예: 민선 5기"))
    first_year = models.PositiveSmallIntegerField(_("첫 연도"), validators=YEAR_VALIDATORS)
    last_year = models.PositiveSmallIntegerField(_("마지막 연도"), validators=YEAR_VALIDATORS)
    stated_total = models.PositiveIntegerField(
        _("계획서 기재 총 목표(명)"), help_text=_("계획서에 적힌 계획 기간 합계를 그대로 적습니다.")
    )
    stated_public = models.PositiveIntegerField(_("계획서 기재 공공 목표(명)"), null=True, blank=True)
    stated_private = models.PositiveIntegerField(_("계획서 기재 민간 목표(명)"), null=True, blank=True)
    employment_rate_target = models.DecimalField(
        _("고용률 목표(%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("계획 마지막 연도의 고용률 목표"),
    )
    employed_growth_target = models.IntegerField(
        _("취업자 수 증가 목표(명)"), null=True, blank=True, help_text=_("계획 기간 동안 늘릴 취업자 수")
    )
    is_example = models.BooleanField(
        _("예시 계획"), default=False, help_text=_("시연용 예시 계획입니다. 공개 화면에 '예시'로 표시됩니다.")
    )
    published_on = models.DateField(_("공시일"), null=True, blank=True)
    note = models.TextField(_("비고"), blank=True)

    class Meta:
        verbose_name = _("종합계획")
        verbose_name_plural = _("종합계획")
        ordering = ["-first_year"]
        constraints = [
            models.CheckConstraint(condition=Q(last_year__gte=F("first_year")), name="plan_years_in_order"),
        ]

    def __str__(self):
        label = f"{self.title} ({self.first_year}~{self.last_year}년)"
        return f"[{_('예시')}] {label}" if self.is_example else label

    @property
    def years(self):
        return range(self.first_year, self.last_year + 1)

    def clean(self):
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": _("마지막 연도는 첫 연도보다 앞설 수 없습니다.")})
        if self.first_year and self.last_year:
            overlapping = Plan.objects.filter(first_year__lte=self.last_year, last_year__gte=self.first_year)
            if self.pk:
                overlapping = overlapping.exclude(pk=self.pk)
            other = overlapping.first()
            if other is not None:
                raise ValidationError(
                    {
                        "first_year": _(
                            "%(years)s 기간은 이미 「%(title)s」 계획이 다룹니다. 한 해에 계획은 하나뿐입니다."
                        )
                        % {"years": f"{self.first_year}~{self.last_year}", "title": other.title}
                    }
                )
            if self.pk:
                outside = self.yearly_plans.exclude(year__gte=self.first_year, year__lte=self.last_year)
                if outside.exists():
                    years = ", ".join(str(y) for y in outside.values_list("year", flat=True))
                    raise ValidationError(
                        {
                            "last_year": _("연차별 세부계획(%(years)s년)이 계획 기간 밖에 있습니다.")
                            % {"years": years}
                        }
                    )


class YearPlan(models.Model):
    """A yearly detailed plan (연차별 세부계획): the year's sector targets and indicator targets."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("종합계획"), on_delete=models.CASCADE, related_name="yearly_plans"
    )
    year = models.PositiveSmallIntegerField(_("연도"), validators=YEAR_VALIDATORS)
    total_target = models.PositiveIntegerField(_("전체 목표(명)"))
    public_target = models.PositiveIntegerField(_("공공 목표(명)"))
    private_target = models.PositiveIntegerField(_("민간 목표(명)"))
    employment_rate_target = models.DecimalField(
        _("고용률 목표(%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    employed_target = models.PositiveIntegerField(_("취업자 수 목표(명)"), null=True, blank=True)
    published_on = models.DateField(
        _("공시일"), null=True, blank=True, help_text=_("매년 3월까지 공시합니다.")
    )
    note = models.CharField(_("비고"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("연차별 세부계획")
        verbose_name_plural = _("연차별 세부계획")
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["year"], name="one_year_plan_per_year")]

    def __str__(self):
        return f"{self.year}년 세부계획 ({self.total_target:,}명)"

    def target(self, sector):
        return {
            Sector.PUBLIC: self.public_target,
            Sector.PRIVATE: self.private_target,
        }.get(sector, self.total_target)

    def clean(self):
        errors = {}
        if self.plan_id and self.year and not (self.plan.first_year <= self.year <= self.plan.last_year):
            errors["year"] = _("연도는 계획 기간(%(first)s~%(last)s년) 안에 있어야 합니다.") % {
                "first": self.plan.first_year,
                "last": self.plan.last_year,
            }
        if self.year and YearPlan.objects.filter(year=self.year).exclude(pk=self.pk).exists():
            errors["year"] = _("%(year)s년 세부계획이 이미 있습니다. 한 해에 계획은 하나뿐입니다.") % {
                "year": self.year
            }
        if (
            None not in (self.total_target, self.public_target, self.private_target)
            and self.total_target != self.public_target + self.private_target
        ):
            errors["total_target"] = _(
                "전체 목표(%(total)s명)는 공공과 민간 목표의 합(%(sum)s명)과 같아야 합니다."
            ) % {
                "total": f"{self.total_target:,}",
                "sum": f"{self.public_target + self.private_target:,}",
            }
        if errors:
            raise ValidationError(errors)


class ProjectTarget(models.Model):
    """A project's (세부사업) job target in a yearly plan, in one of the six measure categories."""

    class Category(models.TextChoices):
        INVESTMENT = "investment", _("투자유치")
        STRATEGIC_INDUSTRY = "strategic_industry", _("전략산업 육성")
        MISMATCH = "mismatch", _("미스매치 해소")
        INFRASTRUCTURE = "infrastructure", _("인프라 구축")
        SKILLS = "skills", _("직업능력개발")
        NETWORK = "network", _("네트워크 구축")

    year_plan = models.ForeignKey(
        YearPlan, verbose_name=_("연차별 세부계획"), on_delete=models.CASCADE, related_name="projects"
    )
    name = models.CharField(_("사업명"), max_length=200)
    category = models.CharField(_("정책 분야"), max_length=30, choices=Category.choices)
    sector = models.CharField(_("부문"), max_length=10, choices=Sector.choices)
    responsible_team = models.CharField(_("담당 부서·팀"), max_length=100)
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("연결된 일자리 사업"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_targets",
        help_text=_("포털에서 운영하는 사업이면 연결합니다. 사업별 실적을 이 목표와 비교합니다."),
    )
    target = models.PositiveIntegerField(
        _("목표 인원(명)"), null=True, blank=True, help_text=_("계획서에 수치가 없으면 비워 둡니다.")
    )
    note = models.CharField(_("비고"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("세부사업 목표")
        verbose_name_plural = _("세부사업 목표")
        ordering = ["year_plan__year", "category", "name"]
        constraints = [
            models.UniqueConstraint(fields=["year_plan", "name"], name="unique_project_name_per_year_plan"),
        ]

    def __str__(self):
        count = "—" if self.target is None else f"{self.target:,}명"
        return f"{self.name} ({count})"

    def clean(self):
        if self.program_id and self.year_plan_id and self.program.year != self.year_plan.year:
            raise ValidationError(
                {"program": _("연결한 사업은 %(year)s년 사업이어야 합니다.") % {"year": self.year_plan.year}}
            )
