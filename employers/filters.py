"""The vacancy search: one FilterSet for the public page and the API."""

import copy
import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employers.models import Employer, Vacancy
from employers.widgets import FastSelect
from references.choices import Career, EducationLevel, EmploymentType, SeoulDistrict
from references.models import AdministrativeDong, Occupation


class OccupationChoiceFilter(django_filters.ModelChoiceFilter):
    """An occupation group at any level: a major group finds the vacancies of every occupation under it."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        # KECO codes nest ("1" → "13" → "133"): one prefix match covers the whole subtree. The ids
        # are read first (the tree is small), so the vacancy query needs no join to filter on them.
        ids = list(Occupation.objects.filter(code__startswith=value.code).values_list("pk", flat=True))
        return queryset.filter(occupation_id__in=ids)


def occupation_label(occupation):
    return "\u00a0\u00a0" * (occupation.level - 1) + f"{occupation.code} {occupation.name}"


class VacancyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("검색어"),
        method="filter_keyword",
        help_text=_("공고 제목, 업무 내용, 기업명에서 찾습니다. 낱말 일부로도 찾습니다."),
    )
    occupation = OccupationChoiceFilter(
        label=_("직종"),
        queryset=Occupation.objects.filter(level__lte=Occupation.Level.MINOR).only("code", "name", "level"),
        empty_label=_("전체 직종"),
        help_text=_("대분류나 중분류를 고르면 그 아래 직종의 공고를 모두 찾습니다."),
    )
    employment_type = django_filters.ChoiceFilter(
        label=_("고용 형태"), choices=EmploymentType.choices, empty_label=_("전체")
    )
    career = django_filters.ChoiceFilter(
        label=_("경력"), method="filter_career", choices=Career.choices, empty_label=_("전체")
    )
    career_years = django_filters.NumberFilter(
        label=_("내 경력(년)"), method="filter_career_years", min_value=0, max_value=50
    )
    education = django_filters.ChoiceFilter(
        label=_("내 학력"),
        method="filter_education",
        choices=EducationLevel.choices,
        empty_label=_("전체"),
        help_text=_("이 학력으로 지원할 수 있는 공고를 찾습니다."),
    )
    min_wage = django_filters.NumberFilter(
        label=_("최소 월급(원)"),
        field_name="monthly_wage",
        lookup_expr="gte",
        min_value=0,
        help_text=_("시급·일급·연봉은 월급으로 환산해 비교합니다."),
    )
    work_days = django_filters.ChoiceFilter(
        label=_("근무일수"),
        field_name="work_days_per_week",
        lookup_expr="lte",
        empty_label=_("전체"),
        choices=[(3, _("주 3일 이하")), (4, _("주 4일 이하")), (5, _("주 5일 이하")), (6, _("주 6일 이하"))],
    )
    max_weekly_hours = django_filters.NumberFilter(
        label=_("주당 근로시간 이하"), field_name="weekly_hours", lookup_expr="lte", min_value=1, max_value=68
    )
    dong = django_filters.ModelChoiceFilter(
        label=_("근무지 행정동(구로구)"),
        queryset=AdministrativeDong.objects.filter(is_active=True),
        empty_label=_("전체 지역"),
    )
    district = django_filters.ChoiceFilter(
        label=_("근무지 자치구(서울)"), choices=SeoulDistrict.choices, empty_label=_("전체 자치구")
    )
    employer_kind = django_filters.ChoiceFilter(
        label=_("기업 구분"),
        field_name="employer__kind",
        choices=Employer.Kind.choices,
        empty_label=_("전체"),
    )
    source = django_filters.ChoiceFilter(
        label=_("공고 출처"), choices=Vacancy.Source.choices, empty_label=_("전체")
    )
    # A ChoiceFilter (not TypedChoiceFilter, whose form field refuses empty_label); the method casts.
    posted_within = django_filters.ChoiceFilter(
        label=_("게시 기간"),
        method="filter_posted_within",
        empty_label=_("전체 기간"),
        choices=[(1, _("오늘")), (3, _("3일 이내")), (7, _("7일 이내")), (30, _("30일 이내"))],
    )
    closing_within = django_filters.ChoiceFilter(
        label=_("마감 임박"),
        method="filter_closing_within",
        empty_label=_("전체"),
        choices=[(1, _("오늘 마감")), (3, _("3일 이내 마감")), (7, _("7일 이내 마감"))],
    )
    ordering = django_filters.OrderingFilter(
        label=_("정렬"),
        empty_label=_("기본 (최신순)"),
        fields=[("posted_on", "posted_on"), ("monthly_wage", "monthly_wage"), ("closes_on", "closes_on")],
        field_labels={
            "posted_on": _("게시일"),
            "-posted_on": _("최신순"),
            "monthly_wage": _("임금 낮은 순"),
            "-monthly_wage": _("임금 높은 순"),
            "closes_on": _("마감 임박순"),
            "-closes_on": _("마감일 늦은 순"),
        },
    )

    class Meta:
        model = Vacancy
        fields = [
            "q",
            "occupation",
            "employment_type",
            "career",
            "career_years",
            "education",
            "min_wage",
            "work_days",
            "max_weekly_hours",
            "dong",
            "district",
            "employer_kind",
            "source",
            "posted_within",
            "closing_within",
        ]

    # Database-backed option lists are re-read at most this often per worker (seconds).
    OPTIONS_TTL = 300

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # django-filter's own __init__ deep-copies every filter (with its choices and querysets)
        # on every request; these filters keep no per-request state but the two set below, so a
        # shallow copy does, at a fraction of the cost. The form class is built once (form_class).
        if queryset is None:
            queryset = Vacancy._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {name: copy.copy(filter_) for name, filter_ in self.base_filters.items()}
        for filter_ in self.filters.values():
            filter_.model = Vacancy
            filter_.parent = self
            if filter_.method:
                filter_.method = filter_.method  # binds a FilterMethod to this copy, not the original

    @classmethod
    def cached_form_class(cls):
        if "_form_class" not in cls.__dict__:
            form_class = cls(None).get_form_class()
            form_class.base_fields["occupation"].label_from_instance = occupation_label
            cls._form_class = form_class
        return cls._form_class

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form_class = self.cached_form_class()
            self._form = (
                form_class(self.data, prefix=self.form_prefix)
                if self.is_bound
                else form_class(prefix=self.form_prefix)
            )
        form = self._form
        if not getattr(form, "_fast_selects", False):
            for name, field in form.fields.items():
                if type(field.widget) is forms.Select:
                    from_database = isinstance(field, forms.ModelChoiceField)
                    field.widget = FastSelect(
                        cache_key=f"vacancy-filter:{name}",
                        ttl=self.OPTIONS_TTL if from_database else None,
                        attrs=field.widget.attrs,
                        choices=field.choices,
                    )
            form._fast_selects = True
        return form

    def filter_keyword(self, queryset, name, value):
        # icontains is UPPER(col) LIKE '%word%': the trigram GIN indexes on UPPER(title),
        # UPPER(description) and UPPER(employer name) serve it on PostgreSQL, so part of a Korean
        # word ("개발" in "웹개발자") is found without a full scan; SQLite runs the same LIKE.
        # Employers are matched first, so the vacancy arms stay one BitmapOr on one table.
        # A word of one or two letters has no trigram, so no index serves it and every open row is
        # read; if it has no letter case either (Korean, digits) UPPER() changes nothing it can
        # match, and a plain LIKE finds the same rows without upper-casing each title and
        # description (UPPER on Korean text is most of that scan's time).
        for word in value.split():
            lookup = "contains" if len(word) < 3 and word.upper() == word.lower() else "icontains"
            employer_ids = list(
                Employer.objects.filter(**{f"name__{lookup}": word}).values_list("pk", flat=True)
            )
            queryset = queryset.filter(
                Q(**{f"title__{lookup}": word})
                | Q(**{f"description__{lookup}": word})
                | Q(employer_id__in=employer_ids)
            )
        return queryset

    def filter_career(self, queryset, name, value):
        if value == Career.ANY:
            return queryset.filter(career=Career.ANY)
        return queryset.filter(career__in=[value, Career.ANY])

    def filter_career_years(self, queryset, name, value):
        """Someone with N years may apply where no more than N years are asked (or none)."""
        return queryset.filter(Q(career_min_years__lte=value) | ~Q(career=Career.EXPERIENCED))

    def filter_education(self, queryset, name, value):
        rank = EducationLevel.rank(value)
        allowed = [level for level in EducationLevel.values if EducationLevel.rank(level) <= rank]
        return queryset.filter(required_education__in=["", *allowed])

    def filter_posted_within(self, queryset, name, value):
        since = timezone.localdate() - datetime.timedelta(days=int(value) - 1)
        return queryset.filter(posted_on__gte=since)

    def filter_closing_within(self, queryset, name, value):
        today = timezone.localdate()
        return queryset.filter(
            closes_on__gte=today, closes_on__lte=today + datetime.timedelta(days=int(value) - 1)
        )

    @property
    def qs(self):
        # Vacancies posted here come before the national feed's ("local" < "national"); then the
        # chosen sort, newest first, then id for a stable pagination.
        queryset = super().qs
        ordering = list(queryset.query.order_by) or ["-posted_on"]
        return queryset.order_by("source", *ordering, "-id")
