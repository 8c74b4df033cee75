"""The nightly forecast warning: managers get a mail when a year-end projection falls below
FORECAST_WARNING_SHARE % of its target, and again only when it worsens by FORECAST_WARNING_STEP
percentage points below the rate last mailed."""

from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from notifications.kinds import MailKind
from notifications.services import notify
from reports.models import ForecastWarning, Target

SECTOR_LABELS = dict(Target.Sector.choices)


def projections_below(forecast):
    """(key, label, projected rate, entry) for every projection below its threshold."""
    for entry in forecast["sectors"]:
        if entry["below_threshold"]:
            label = _("%(sector)s 부문") % {"sector": SECTOR_LABELS.get(entry["sector"], entry["sector"])}
            yield f"sector:{entry['sector']}", label, entry
    for entry in forecast["programs"]:
        if entry["below_threshold"]:
            yield f"program:{entry['id']}", entry["name"], entry


@transaction.atomic
def send_forecast_warnings(*, snapshot, step=None):
    """Mail managers about projections newly below the threshold or worse by a step; returns the
    labels mailed about (empty when nothing is new)."""
    step = Decimal(settings.FORECAST_WARNING_STEP if step is None else step)
    forecast = (snapshot.data or {}).get("forecast")
    if not forecast:
        return []
    news = []
    for key, label, entry in projections_below(forecast):
        rate = Decimal(str(entry["projected_rate"]))
        warning = ForecastWarning.objects.select_for_update().filter(year=snapshot.year, key=key).first()
        if warning is not None and rate > warning.warned_rate - step:
            continue
        ForecastWarning.objects.update_or_create(
            year=snapshot.year,
            key=key,
            defaults={"label": label[:200], "warned_rate": rate, "warned_at": timezone.now()},
        )
        news.append((label, entry))
    if not news:
        return []
    lines = [
        _("%(label)s: 연말 예상 %(projected)s명(범위 %(low)s~%(high)s명), 목표 %(target)s명의 %(rate)s%%")
        % {
            "label": label,
            "projected": f"{entry['projected']:,}",
            "low": f"{entry['low']:,}",
            "high": f"{entry['high']:,}",
            "target": f"{entry['target']:,}",
            "rate": entry["projected_rate"],
        }
        for label, entry in news
    ]
    subject = _("[구로 일자리] %(year)s년 연말 예상 실적이 목표의 %(share)s%%에 못 미칩니다") % {
        "year": snapshot.year,
        "share": forecast["threshold"],
    }
    body = "\n".join(
        [
            _("%(date)s 기준 연말 예상 실적이 목표에 못 미치는 항목입니다.") % {"date": forecast["as_of"]},
            "",
            *lines,
            "",
            forecast["method"],
        ]
    )
    for manager in get_user_model().objects.filter(groups__name=roles.MANAGER, is_active=True):
        notify(user=manager, kind=MailKind.FORECAST_WARNING, subject=subject, body=body)
    return [label for label, _entry in news]
