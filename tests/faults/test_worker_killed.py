"""A worker killed with SIGKILL in the middle of a recompute: the task runs again on another
worker and one consistent snapshot results (acks_late + the broker's visibility timeout)."""

import time

import pytest
from django.db import connection, transaction
from django.utils import timezone

from guro_jobs.celery import app as celery_app
from reports.models import DashboardSnapshot
from reports.tasks import recompute_dashboard
from tests.workers import start_celery_worker

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VISIBILITY_TIMEOUT = 3


def worker_waiting_on_the_snapshot_lock():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0] > 0


def test_worker_killed_mid_recompute_leaves_one_consistent_snapshot_after_redelivery(hand_counted):
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    old = DashboardSnapshot.objects.create(
        year=2011, computed_at=timezone.now(), data={"year": 2011, "stale": True}
    )
    first = start_celery_worker("doomed-worker")
    try:
        # Hold the year's row so the worker computes, then blocks while storing: mid-recompute.
        with transaction.atomic():
            DashboardSnapshot.objects.select_for_update().get(pk=old.pk)
            recompute_dashboard.delay(2011)
            deadline = time.monotonic() + 60
            while not worker_waiting_on_the_snapshot_lock():
                assert time.monotonic() < deadline, "the worker never reached the snapshot write"
                time.sleep(0.2)
            first.kill()  # SIGKILL: no clean shutdown, no ack
            first.wait(timeout=10)
        assert DashboardSnapshot.objects.get(year=2011).data.get("stale") is True

        # The unacknowledged message becomes visible again; a new worker picks it up.
        time.sleep(VISIBILITY_TIMEOUT + 1)
        second = start_celery_worker("rescue-worker", CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT))
        try:
            deadline = time.monotonic() + 60
            while DashboardSnapshot.objects.get(year=2011).data.get("stale"):
                assert time.monotonic() < deadline, "the task was not run again after the worker died"
                time.sleep(0.5)
        finally:
            second.terminate()
            second.wait(timeout=20)
    finally:
        if first.poll() is None:
            first.kill()
        celery_app.conf.task_always_eager = True

    snapshots = DashboardSnapshot.objects.filter(year=2011)
    assert snapshots.count() == 1
    snapshot = snapshots.get()
    assert snapshot.computed_at > old.computed_at
    assert [row["actual"] for row in snapshot.data["sectors"]] == [6, 2, 4]
    assert (
        snapshot.data["funnel"]["hires"]
        == sum(row["total"] for row in snapshot.data["dongs"]) + snapshot.data["outside_guro"]["total"]
    )
