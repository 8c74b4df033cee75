"""The plan's targets and Guro's labour statistics in the API: public figures anyone may read;
district staff keep them up to date."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.permissions import EVERYONE, STAFF
from guro_jobs.api import PortalModelSerializer, PortalModelViewSet
from reports.models import LabourStat, Target


class TargetSerializer(PortalModelSerializer):
    target = serializers.IntegerField(
        source="count", min_value=0, max_value=10_000_000, label=_("목표 인원"), help_text=_("목표 인원")
    )

    class Meta:
        model = Target
        fields = ["id", "year", "sector", "target", "scope", "agreement", "note"]


class LabourStatSerializer(PortalModelSerializer):
    economically_inactive = serializers.IntegerField(read_only=True, help_text=_("비경제활동인구"))
    unemployment_rate = serializers.FloatField(
        read_only=True, allow_null=True, help_text=_("실업률(%): 실업자 ÷ 경제활동인구")
    )

    class Meta:
        model = LabourStat
        fields = [
            "id",
            "year",
            "month",
            "population",
            "economically_active",
            "economically_inactive",
            "employed",
            "unemployed",
            "unemployment_rate",
            "national_unemployment_rate",
            "source",
        ]


class TargetViewSet(PortalModelViewSet):
    """협약·디지털단지 목표 (agreement and Digital Valley targets); yearly targets are in /api/v1/plans/."""

    serializer_class = TargetSerializer
    read_roles = EVERYONE
    write_roles = frozenset({STAFF})
    filterset_fields = ["year", "sector", "scope", "agreement"]
    ordering_fields = ["year", "sector", "count"]

    def get_queryset(self):
        return Target.objects.order_by("year", "scope", "sector", "id")


class LabourStatViewSet(PortalModelViewSet):
    """고용 통계 (labour statistics) by year and month."""

    serializer_class = LabourStatSerializer
    read_roles = EVERYONE
    write_roles = frozenset({STAFF})
    filterset_fields = ["year", "month"]
    ordering_fields = ["year", "month"]

    def get_queryset(self):
        return LabourStat.objects.order_by("-year", "-month", "-id")
