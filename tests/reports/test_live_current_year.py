"""A live current year: a change that moves a figure queues one debounced recompute of the
current year, however many changes come in the window (500 hires: one recompute)."""

import time

import pytest
from celery.signals import before_task_publish, task_success
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from placements.models import Placement
from reports.models import DashboardSnapshot
from tests import factories

RECOMPUTE = "reports.recompute_dashboard"


@pytest.fixture
def no_open_window():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def recomputes():
    """The years of every recompute task that ran to success in this process."""
    done = []

    def record(sender=None, result=None, **kwargs):
        if sender.name == RECOMPUTE:
            done.append(result["year"])

    task_success.connect(record, weak=False)
    yield done
    task_success.disconnect(record)


def hire_many(count):
    today = timezone.localdate()
    for index in range(count):
        factories.PlacementFactory(sector="public" if index % 2 else "private", started_on=today)


@pytest.mark.django_db
def test_in_process_500_hires_cost_one_recompute_when_the_dashboard_is_next_opened(
    no_open_window, recomputes, django_capture_on_commit_callbacks, client
):
    year = timezone.localdate().year
    client.force_login(factories.manager_user())
    client.get("/dashboard/")
    assert recomputes == [year]
    # Each hire's handler runs after its commit; here the 500 commits are replayed at the end.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        hire_many(500)
    assert len(callbacks) == 500
    assert not DashboardSnapshot.objects.filter(year=year).exists()  # dropped, not recomputed 500 times
    page = client.get("/dashboard/").content.decode()
    assert recomputes == [year, year]
    assert DashboardSnapshot.objects.get(year=year).data["sectors"][0]["actual"] == 500
    assert "아직 계산되지 않았습니다" not in page


@pytest.mark.django_db
def test_a_cancellation_or_deletion_moves_the_live_figures_too(
    no_open_window, recomputes, django_capture_on_commit_callbacks, client
):
    client.force_login(factories.manager_user())
    with django_capture_on_commit_callbacks(execute=True):
        hire_many(3)
    client.get("/dashboard/")
    with django_capture_on_commit_callbacks(execute=True):
        Placement.objects.filter(started_on=timezone.localdate()).first().delete()
    client.get("/dashboard/")
    assert DashboardSnapshot.objects.get(year=timezone.localdate().year).data["sectors"][0]["actual"] == 2
    assert len(recomputes) == 2


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(DASHBOARD_LIVE_RECOMPUTE_DELAY=5)
def test_with_a_real_worker_500_hires_are_in_the_figures_within_a_minute_with_few_recomputes(
    no_open_window, celery_worker
):
    published = []

    def count(sender=None, **kwargs):
        if sender == RECOMPUTE:
            published.append(time.monotonic())

    before_task_publish.connect(count, weak=False)
    try:
        started = time.monotonic()
        hire_many(500)
        hired_in = time.monotonic() - started
    finally:
        before_task_publish.disconnect(count)
    # One recompute per 5-second window at most, however many hires: not 500.
    assert 1 <= len(published) <= hired_in / 5 + 1
    year = timezone.localdate().year
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        snapshot = DashboardSnapshot.objects.filter(year=year).first()
        if snapshot and snapshot.data["sectors"][0]["actual"] == 500:
            break
        time.sleep(1)
    else:
        pytest.fail("the 500 hires were not in the current year's figures within a minute")
