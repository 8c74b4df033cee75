"""Celery tasks that recompute the dashboard snapshots (nightly at 02:00, or on request)."""

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from reports import fragments, services
from reports.models import DashboardSnapshot

# A lost or refused database connection is worth retrying; the work is idempotent.
RETRY_OPTIONS = {
    "acks_late": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 5,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 5,
}


def _reporter(task):
    """Report progress to the result backend, so the page can show it."""

    def report(done, total, label):
        if task.request.id and not task.request.is_eager:
            task.update_state(state="PROGRESS", meta={"done": done, "total": total, "step": str(label)})

    return report


@shared_task(bind=True, name="reports.recompute_dashboard", **RETRY_OPTIONS)
def recompute_dashboard(self, year=None):
    """Recompute and store one year's dashboard snapshot (this year's when no year is given)."""
    year = int(year) if year is not None else timezone.localdate().year
    snapshot = services.store_snapshot(year=year, progress=_reporter(self))
    fragments.keep_drawn([snapshot])  # the first visitor after the recompute gets a warm page
    return {"year": snapshot.year, "computed_at": snapshot.computed_at.isoformat()}


@shared_task(bind=True, name="reports.recompute_all_dashboards", **RETRY_OPTIONS)
def recompute_all_dashboards(self):
    """Recompute and store the snapshot of every dashboard year."""
    years = services.store_all_snapshots(progress=_reporter(self))
    fragments.keep_drawn(DashboardSnapshot.objects.filter(year__in=years).order_by("year"))
    return {"years": years}


@shared_task(bind=True, name="reports.send_forecast_warnings", **RETRY_OPTIONS)
def send_forecast_warnings(self):
    """Recompute the current year and mail managers about projections below the threshold."""
    from django.utils import timezone

    from reports.warnings import send_forecast_warnings as send

    snapshot = services.store_snapshot(year=timezone.localdate().year)
    fragments.keep_drawn([snapshot])
    return {"warned": send(snapshot=snapshot)}
