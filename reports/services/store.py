"""Storing the dashboard snapshots: one year, or every year from one pass over the sources."""

from django.db import connection, transaction
from django.utils import timezone

from reports import selectors
from reports.models import DashboardSnapshot
from reports.services import tallies
from reports.services.one_pass import OnePassReads
from reports.services.snapshot import compute_snapshot


def store_snapshot(*, year, progress=None, all_years=None, started_at=None):
    """Compute one year's snapshot and store it, replacing the year's row atomically.

    Safe to run twice at once: the unique year row is locked while written, and a computation
    that started before the stored one never overwrites it, so one consistent snapshot remains.
    """
    started_at = started_at or timezone.now()
    data = compute_snapshot(year, progress=progress, all_years=all_years)
    return _store_data(year=year, data=data, started_at=started_at)


def _store_data(*, year, data, started_at):
    with transaction.atomic():
        snapshot, created = DashboardSnapshot.objects.select_for_update().get_or_create(
            year=year, defaults={"computed_at": started_at, "data": data}
        )
        if not created and snapshot.computed_at <= started_at:
            snapshot.computed_at = started_at
            snapshot.data = data
            snapshot.save(update_fields=["computed_at", "data"])
    return snapshot


def store_all_snapshots(*, progress=None):
    """Recompute the snapshot of every dashboard year; returns the years done.

    Every source is read once for all years (one REPEATABLE READ snapshot on PostgreSQL), then
    each year is built from the aggregated rows and stored."""
    started_at = timezone.now()
    tallies.compact()  # one row per key again for the one-year recomputes of the coming day
    isolate = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if isolate:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        years = selectors.dashboard_years(include_placement_years=True)
        all_years = OnePassReads()
        computed = []
        for index, year in enumerate(years):
            if progress is not None:
                progress(index, len(years), year)
            computed.append((year, compute_snapshot(year, all_years=all_years)))
    for year, data in computed:
        _store_data(year=year, data=data, started_at=started_at)
    return years
