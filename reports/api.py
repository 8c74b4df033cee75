"""GET /api/v1/dashboard/<year>/ — the year's latest snapshot as JSON, for staff and managers."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from reports import selectors
from reports.permissions import CanViewDashboards


class SectorFigureSerializer(serializers.Serializer):
    sector = serializers.ChoiceField(
        choices=["total", "public", "private"], help_text=_("부문: total(전체), public(공공), private(민간)")
    )
    label = serializers.CharField(help_text=_("부문 이름"))
    target = serializers.IntegerField(allow_null=True, help_text=_("목표 인원. 목표가 없으면 null"))
    actual = serializers.IntegerField(help_text=_("실적: 그해에 근무를 시작한 취업·참여 인원"))
    rate = serializers.FloatField(
        allow_null=True, help_text=_("달성률(%, 소수 첫째 자리). 목표가 없거나 0이면 null")
    )


class DashboardSnapshotSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text=_("연도"))
    computed_at = serializers.DateTimeField(help_text=_("계산 일시"))
    sectors = SectorFigureSerializer(many=True)


class DashboardSnapshotView(APIView):
    """The stored figures: year, computed_at, sectors [{sector, target, actual, rate}], and the
    other breakdowns. `rate` is a percentage (one decimal), null when the target is missing or 0."""

    permission_classes = [CanViewDashboards]

    @extend_schema(responses=DashboardSnapshotSerializer, summary=_("연도별 대시보드 집계"))
    def get(self, request, year):
        snapshot = selectors.snapshot_for_year(year)
        if snapshot is None:
            raise NotFound(_("이 연도의 대시보드 집계가 아직 없습니다."))
        return Response(
            {**snapshot.data, "year": snapshot.year, "computed_at": snapshot.computed_at.isoformat()}
        )
