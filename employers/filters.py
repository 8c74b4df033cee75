"""The vacancy search: one FilterSet for the public page and the API."""

import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employers.models import Employer, Vacancy
from references.choices import EmploymentType
from references.models import AdministrativeDong, Occupation


class VacancyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("검색어"),
        method="filter_keyword",
        help_text=_("공고 제목, 업무 내용, 기업명에서 찾습니다."),
    )
    occupation = django_filters.ModelChoiceFilter(
        label=_("직종"), queryset=Occupation.objects.all(), empty_label=_("전체 직종")
    )
    employment_type = django_filters.ChoiceFilter(
        label=_("고용 형태"), choices=EmploymentType.choices, empty_label=_("전체")
    )
    min_wage = django_filters.NumberFilter(
        label=_("최소 월급(원)"), field_name="monthly_wage", lookup_expr="gte", min_value=0
    )
    dong = django_filters.ModelChoiceFilter(
        label=_("근무지 행정동"),
        queryset=AdministrativeDong.objects.filter(is_active=True),
        empty_label=_("전체 지역"),
    )
    employer_kind = django_filters.ChoiceFilter(
        label=_("기업 구분"),
        field_name="employer__kind",
        choices=Employer.Kind.choices,
        empty_label=_("전체"),
    )
    # A ChoiceFilter (not TypedChoiceFilter, whose form field refuses empty_label); the method casts.
    posted_within = django_filters.ChoiceFilter(
        label=_("게시 기간"),
        method="filter_posted_within",
        empty_label=_("전체 기간"),
        choices=[(1, _("오늘")), (3, _("3일 이내")), (7, _("7일 이내")), (30, _("30일 이내"))],
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
        fields = ["q", "occupation", "employment_type", "min_wage", "dong", "employer_kind", "posted_within"]

    def filter_keyword(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(description__icontains=word) | Q(employer__name__icontains=word)
            )
        return queryset

    def filter_posted_within(self, queryset, name, value):
        since = timezone.localdate() - datetime.timedelta(days=int(value) - 1)
        return queryset.filter(posted_on__gte=since)

    @property
    def qs(self):
        # A stable order for pagination: the chosen sort, then newest first, then id.
        queryset = super().qs
        ordering = list(queryset.query.order_by) or ["-posted_on"]
        return queryset.order_by(*ordering, "-id")
