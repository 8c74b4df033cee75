"""GET /api/v1/plans/ and /api/v1/plans/<id>/: the disclosed plans, readable by anyone."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.permissions import EVERYONE
from guro_jobs.api import PortalReadOnlyViewSet
from plans import selectors
from plans.models import Plan, ProjectTarget, YearPlan


class SectorTargetSerializer(serializers.Serializer):
    sector = serializers.ChoiceField(
        choices=[("total", _("전체")), ("public", _("공공")), ("private", _("민간"))], help_text=_("부문")
    )
    target = serializers.IntegerField(help_text=_("목표 인원(명)"))


class ProjectTargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectTarget
        fields = ["id", "name", "category", "sector", "responsible_team", "program", "target"]


class YearPlanSerializer(serializers.ModelSerializer):
    sectors = serializers.SerializerMethodField(help_text=_("부문별 목표"))
    employment_rate_target = serializers.FloatField(allow_null=True, help_text=_("고용률 목표(%)"))
    projects = ProjectTargetSerializer(many=True, read_only=True)

    class Meta:
        model = YearPlan
        fields = ["year", "sectors", "employment_rate_target", "employed_target", "published_on", "projects"]

    @extend_schema_field(SectorTargetSerializer(many=True))
    def get_sectors(self, obj):
        return [
            {"sector": sector, "target": target} for sector, target in selectors.sector_targets(obj).items()
        ]


class IndicatorsSerializer(serializers.Serializer):
    employment_rate_target = serializers.FloatField(allow_null=True, help_text=_("고용률 목표(%)"))
    employed_growth_target = serializers.IntegerField(allow_null=True, help_text=_("취업자 수 증가 목표(명)"))


class PlanSerializer(serializers.ModelSerializer):
    indicators = serializers.SerializerMethodField(help_text=_("공통 지표 목표"))
    years = YearPlanSerializer(source="yearly_plans", many=True, read_only=True)

    class Meta:
        model = Plan
        fields = [
            "id",
            "title",
            "term",
            "first_year",
            "last_year",
            "stated_total",
            "stated_public",
            "stated_private",
            "is_example",
            "published_on",
            "indicators",
            "years",
        ]

    @extend_schema_field(IndicatorsSerializer)
    def get_indicators(self, obj):
        rate = obj.employment_rate_target
        return {
            "employment_rate_target": None if rate is None else float(rate),
            "employed_growth_target": obj.employed_growth_target,
        }


class PlanViewSet(PortalReadOnlyViewSet):
    """종합계획 (plans of the job-target disclosure system): each plan's goals and its yearly
    detailed plans with per-sector targets and per-project targets."""

    serializer_class = PlanSerializer
    read_roles = EVERYONE
    filterset_fields = ["first_year", "last_year", "is_example"]
    ordering_fields = ["first_year"]

    def get_queryset(self):
        return selectors.plans_with_years()
