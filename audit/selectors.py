"""Reading the access log: the monthly review of unusual use."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.utils import timezone

from audit.models import PersonalDataAccess

Action = PersonalDataAccess.Action


@dataclass
class AccountUse:
    account_label: str
    views: int
    residents_viewed: int
    exports: int
    rows_exported: int
    deletes: int

    @property
    def many_views(self):
        return self.residents_viewed >= settings.AUDIT_MANY_VIEWS_THRESHOLD


def month_bounds(year, month):
    tz = timezone.get_current_timezone()
    start = datetime.datetime(year, month, 1, tzinfo=tz)
    end = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
    return start, end


def unusual_use(year, month):
    """Accounts that in a month viewed many residents' records, exported, or deleted records."""
    start, end = month_bounds(year, month)
    rows = (
        PersonalDataAccess.objects.filter(occurred_at__gte=start, occurred_at__lt=end)
        .values("account_label")
        .annotate(
            views=Count("id", filter=Q(action=Action.VIEW)),
            residents_viewed=Count("resident", filter=Q(action=Action.VIEW), distinct=True),
            exports=Count("id", filter=Q(action__in=[Action.EXPORT, Action.PRINT])),
            rows_exported=Sum("row_count", filter=Q(action__in=[Action.EXPORT, Action.PRINT]), default=0),
            deletes=Count("id", filter=Q(action=Action.DELETE)),
        )
        .order_by("account_label")
    )
    uses = [AccountUse(**row) for row in rows]
    return [use for use in uses if use.many_views or use.exports or use.deletes]


def exports_in_month(year, month):
    start, end = month_bounds(year, month)
    return PersonalDataAccess.objects.filter(
        occurred_at__gte=start, occurred_at__lt=end, action__in=[Action.EXPORT, Action.PRINT]
    ).order_by("occurred_at")
