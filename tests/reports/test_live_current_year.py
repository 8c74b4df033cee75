"""A live current year: a change that moves a figure queues one debounced recompute of the
current year, however many changes come in the window (500 hires: one recompute)."""

import time

import pytest
from celery.signals import before_task_publish, task_success
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

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
def test_500_hires_in_one_window_cost_one_recompute_and_the_snapshot_has_them_all(
    no_open_window, recomputes, django_capture_on_commit_callbacks
):
    year = timezone.localdate().year
    # Each hire's handler runs after its commit; here the 500 commits are replayed at the end.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        hire_many(500)
    assert len(callbacks) == 500
    assert recomputes == [year]
    snapshot = DashboardSnapshot.objects.get(year=year)
    assert snapshot.data["sectors"][0]["actual"] == 500


@pytest.mark.django_db
def test_a_change_after_the_window_closed_queues_the_next_recompute(
    no_open_window, recomputes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hire_many(3)
    cache.clear()  # the window's key expired
    with django_capture_on_commit_callbacks(execute=True):
        placement = factories.PlacementFactory(started_on=timezone.localdate())
    assert len(recomputes) == 2
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        placement.delete()  # a cancellation or deletion moves the figure too
    assert len(recomputes) == 3
    assert DashboardSnapshot.objects.get(year=timezone.localdate().year).data["sectors"][0]["actual"] == 3


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
