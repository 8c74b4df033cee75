"""Reference tables (기준 정보) that staff maintain and every other app points at."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def in_english():
    """Whether the reader's language is English (the portal's second language)."""
    return (get_language() or "").startswith("en")


class EnglishNameMixin:
    """Reference data named in Korean and, for English readers, in English (`name_en`);
    a row without an English name reads in Korean in both languages."""

    @property
    def display_name(self):
        return self.name_en if self.name_en and in_english() else self.name

    def __str__(self):
        return self.display_name


class AdministrativeDong(EnglishNameMixin, models.Model):
    """One of Guro-gu's administrative dongs (행정동)."""

    name = models.CharField(_("행정동"), max_length=20, unique=True)
    name_en = models.CharField(
        _("영문 이름"), max_length=40, blank=True, help_text=_("공식 로마자 표기 (예: Garibong-dong)")
    )
    sort_order = models.PositiveSmallIntegerField(_("표시 순서"), default=0)
    is_active = models.BooleanField(_("사용 중"), default=True)

    class Meta:
        verbose_name = _("행정동")
        verbose_name_plural = _("행정동")
        ordering = ["sort_order", "name"]


class PriorityGroup(EnglishNameMixin, models.Model):
    """A group that programs give priority to (기초생활수급자, 차상위계층, 한부모 …)."""

    code = models.SlugField(_("코드"), max_length=40, unique=True)
    name = models.CharField(_("이름"), max_length=40, unique=True)
    name_en = models.CharField(_("영문 이름"), max_length=80, blank=True)
    description = models.CharField(_("설명"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("표시 순서"), default=0)

    class Meta:
        verbose_name = _("취업 우선 지원 대상")
        verbose_name_plural = _("취업 우선 지원 대상")
        ordering = ["sort_order", "name"]


class Occupation(models.Model):
    """An occupation group of the Korean Employment Classification of Occupations (KECO 2018).

    The tree is in the codes: a group's code starts with its parent's ("1" → "13" → "133"), so
    everything under a group is `code__startswith=group.code` in one query.
    """

    class Level(models.IntegerChoices):
        MAJOR = 1, _("대분류")
        MIDDLE = 2, _("중분류")
        MINOR = 3, _("소분류")
        DETAILED = 4, _("세분류")

    code = models.CharField(_("직업분류 코드"), max_length=10, unique=True)
    name = models.CharField(_("직업명"), max_length=100)
    name_en = models.CharField(_("영문 직업명"), max_length=150, blank=True)
    level = models.PositiveSmallIntegerField(_("분류 단계"), choices=Level.choices, default=Level.MINOR)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("상위 분류"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    class Meta:
        verbose_name = _("직종")
        verbose_name_plural = _("직종")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level=1, parent__isnull=True) | Q(level__gt=1, parent__isnull=False),
                name="occupation_major_has_no_parent",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.parent_id is None:
            if self.level != self.Level.MAJOR:
                raise ValidationError({"parent": _("대분류가 아닌 직업분류에는 상위 분류가 있어야 합니다.")})
            return
        if self.parent.level != self.level - 1:
            raise ValidationError({"parent": _("상위 분류는 바로 위 단계의 분류여야 합니다.")})
        if not self.code.startswith(self.parent.code):
            raise ValidationError({"code": _("직업분류 코드는 상위 분류의 코드로 시작해야 합니다.")})


class Skill(models.Model):
    """A skill or a certificate (기술·자격증) held by residents and asked for by vacancies."""

    class Kind(models.TextChoices):
        SKILL = "skill", _("기술")
        CERTIFICATE = "certificate", _("자격증")

    name = models.CharField(_("이름"), max_length=80, unique=True)
    kind = models.CharField(_("구분"), max_length=20, choices=Kind.choices, default=Kind.SKILL)

    class Meta:
        verbose_name = _("기술·자격증")
        verbose_name_plural = _("기술·자격증")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name
