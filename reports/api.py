"""GET /api/v1/dashboard/<year>/ — the year's latest snapshot as JSON, for staff and managers."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from reports import selectors
from reports.models import Target
from reports.on_demand import compute_on_demand
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


class SectorForecastSerializer(serializers.Serializer):
    sector = serializers.ChoiceField(choices=Target.Sector.choices, help_text=_("부문"))
    actual_to_date = serializers.IntegerField(help_text=_("오늘까지의 실적"))
    projected = serializers.IntegerField(help_text=_("연말 예상 실적"))
    low = serializers.IntegerField(help_text=_("예상 범위의 아래쪽"))
    high = serializers.IntegerField(help_text=_("예상 범위의 위쪽"))
    target = serializers.IntegerField(allow_null=True, help_text=_("목표 인원"))
    below_threshold = serializers.BooleanField(help_text=_("예상이 목표의 경고 기준 비율에 못 미치는지"))


class ForecastSerializer(serializers.Serializer):
    as_of = serializers.DateField(help_text=_("기준일"))
    threshold = serializers.IntegerField(help_text=_("경고 기준(목표 대비 %)"))
    method = serializers.CharField(help_text=_("예상 방법"))
    sectors = SectorForecastSerializer(many=True)


class DashboardSnapshotSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text=_("연도"))
    computed_at = serializers.DateTimeField(help_text=_("계산 일시"))
    sectors = SectorFigureSerializer(many=True)
    forecast = ForecastSerializer(required=False, help_text=_("올해만: 부문별 연말 예상"))


class ComputingSerializer(serializers.Serializer):
    detail = serializers.CharField()
    task_id = serializers.CharField()


class DashboardSnapshotView(APIView):
    """The stored figures: year, computed_at, sectors [{sector, target, actual, rate}], and the
    other breakdowns. `rate` is a percentage (one decimal), null when the target is missing or 0."""

    permission_classes = [CanViewDashboards]

    @extend_schema(
        responses={200: DashboardSnapshotSerializer, 202: ComputingSerializer},
        summary=_("연도별 대시보드 집계"),
    )
    def get(self, request, year):
        snapshot = selectors.snapshot_for_year(year)
        if snapshot is None and 2000 <= year <= 2100:
            if year == timezone.localdate().year or selectors.year_has_figures(year):
                task_id = compute_on_demand(year)
                if task_id:
                    return Response(
                        {
                            "detail": _("이 연도의 집계를 계산하고 있습니다. 잠시 후 다시 요청해 주세요."),
                            "task_id": task_id,
                        },
                        status=202,
                        headers={"Retry-After": "5"},
                    )
                snapshot = selectors.snapshot_for_year(year)
        if snapshot is None:
            raise NotFound(_("이 연도의 대시보드 집계가 아직 없습니다."))
        return Response(
            {**snapshot.data, "year": snapshot.year, "computed_at": snapshot.computed_at.isoformat()}
        )
