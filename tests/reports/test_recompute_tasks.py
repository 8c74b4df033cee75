"""The recompute tasks: schedule, retries, idempotence, concurrency and the command."""

import datetime
import threading

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core.management import call_command
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone

from guro_jobs.celery import app as celery_app
from reports import services, tasks
from reports.models import DashboardSnapshot

pytestmark = pytest.mark.django_db


def test_nightly_schedule_recomputes_every_year_at_two_in_seoul():
    entry = settings.CELERY_BEAT_SCHEDULE["recompute-dashboards-nightly"]
    assert entry["task"] == "reports.recompute_all_dashboards"
    assert entry["schedule"] == crontab(hour=2, minute=0)
    assert settings.CELERY_TIMEZONE == "Asia/Seoul"
    assert "reports.recompute_all_dashboards" in celery_app.tasks


@pytest.mark.parametrize("task", [tasks.recompute_dashboard, tasks.recompute_all_dashboards])
def test_tasks_ack_late_and_retry_on_a_lost_database_connection(task):
    assert task.acks_late is True
    assert OperationalError in task.autoretry_for


def test_recompute_retries_after_a_lost_database_connection(hand_counted, monkeypatch):
    real_store = services.store_snapshot
    calls = []

    def flaky_store(**kwargs):
        calls.append(kwargs["year"])
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real_store(**kwargs)

    monkeypatch.setattr(services, "store_snapshot", flaky_store)
    # In-process, Celery re-runs a retried task at once unless errors propagate.
    previous = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    try:
        tasks.recompute_dashboard.apply(args=[2011])
    finally:
        celery_app.conf.task_eager_propagates = previous
    assert calls == [2011, 2011]
    assert DashboardSnapshot.objects.get(year=2011).data["sectors"][0]["actual"] == 6


def test_recomputing_twice_leaves_one_snapshot_with_the_latest_figures(hand_counted):
    tasks.recompute_dashboard.delay(2011)
    hand_counted.p9.started_on = datetime.date(2011, 9, 9)
    hand_counted.p9.save()
    tasks.recompute_dashboard.delay(2011)
    snapshot = DashboardSnapshot.objects.get(year=2011)
    assert snapshot.data["sectors"][0]["actual"] == 7


def test_an_older_computation_never_overwrites_a_newer_snapshot(hand_counted):
    newer = DashboardSnapshot.objects.create(
        year=2011,
        computed_at=timezone.now() + datetime.timedelta(hours=1),
        data={"year": 2011, "newer": True},
    )
    services.store_snapshot(year=2011)
    newer.refresh_from_db()
    assert newer.data == {"year": 2011, "newer": True}


def test_recompute_all_covers_the_plan_years_and_years_with_placements(hand_counted):
    result = tasks.recompute_all_dashboards.delay().get()
    assert result["years"] == [2010, 2011, 2012, 2013, 2014]
    assert sorted(DashboardSnapshot.objects.values_list("year", flat=True)) == [2010, 2011, 2012, 2013, 2014]


def test_command_runs_the_same_task_for_one_year(hand_counted, capsys):
    call_command("recompute_dashboards", "--year", "2011")
    assert "2011년 대시보드를 다시 계산했습니다" in capsys.readouterr().out
    assert list(DashboardSnapshot.objects.values_list("year", flat=True)) == [2011]


def test_command_without_a_year_recomputes_every_year(hand_counted):
    call_command("recompute_dashboards")
    assert DashboardSnapshot.objects.count() == 5


def test_status_endpoint_answers_for_an_unknown_task_whatever_the_backend(client, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("reports:recompute_status", args=["no-such-task"]), {"year": 2011})
    assert response.status_code == 200
    assert response.json()["finished"] is False


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_recomputes_of_a_year_at_once_leave_one_consistent_snapshot(hand_counted):
    errors = []
    barrier = threading.Barrier(2)

    def recompute():
        try:
            barrier.wait()
            services.store_snapshot(year=2011)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=recompute) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    snapshot = DashboardSnapshot.objects.get(year=2011)
    assert [row["actual"] for row in snapshot.data["sectors"]] == [6, 2, 4]
