"""GET /api/v1/dashboard/<year>/ — the year's latest snapshot as JSON, for staff and managers."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from reports import selectors
from reports.permissions import CanViewDashboards


class DashboardSnapshotView(APIView):
    """The stored figures: year, computed_at, sectors [{sector, target, actual, rate}], and the
    other breakdowns. `rate` is a percentage (one decimal), null when the target is missing or 0."""

    permission_classes = [CanViewDashboards]

    def get(self, request, year):
        snapshot = selectors.snapshot_for_year(year)
        if snapshot is None:
            raise NotFound(_("이 연도의 대시보드 집계가 아직 없습니다."))
        return Response(
            {**snapshot.data, "year": snapshot.year, "computed_at": snapshot.computed_at.isoformat()}
        )
