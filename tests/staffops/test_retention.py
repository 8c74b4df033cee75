"""Retention checks: created at 1, 3, 6 and 12 months by a periodic task, listed as due, one-click record."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from placements.models import RetentionCheck
from placements.tasks import create_due_retention_checks
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_daily_task_gives_every_placement_its_four_checks_once():
    placement = factories.PlacementFactory(started_on=datetime.date(2026, 1, 31))
    assert create_due_retention_checks.delay().get() == 1
    assert create_due_retention_checks.delay().get() == 0
    due = dict(placement.retention_checks.values_list("months_after_start", "due_on"))
    assert due == {
        1: datetime.date(2026, 2, 28),
        3: datetime.date(2026, 4, 30),
        6: datetime.date(2026, 7, 31),
        12: datetime.date(2027, 1, 31),
    }


def test_the_task_runs_daily_in_celery_beat():
    entry = settings.CELERY_BEAT_SCHEDULE["placements-create-due-retention-checks"]
    assert entry["task"] == "placements.tasks.create_due_retention_checks"


def test_due_list_shows_overdue_checks_highlighted_and_leaves_out_later_ones(client, staff_user):
    today = timezone.localdate()
    overdue = factories.PlacementFactory(started_on=today - datetime.timedelta(days=45))
    later = factories.PlacementFactory(started_on=today)
    create_due_retention_checks()
    client.force_login(staff_user)
    page = client.get(reverse("admin:placements_retentioncheck_changelist"), {"due": "due"}).content.decode()
    assert "retention-overdue" in page
    assert "일 지남" in page
    assert page.count('name="_selected_action"') == 1  # only the 1-month check of `overdue`
    assert str(overdue.resident.name) in page
    assert later.retention_checks.count() == 4


def test_staff_record_a_check_in_one_click(client, staff_user):
    placement = factories.PlacementFactory(started_on=datetime.date(2025, 1, 1))
    create_due_retention_checks()
    checks = list(placement.retention_checks.order_by("months_after_start"))
    client.force_login(staff_user)
    url = reverse("admin:placements_retentioncheck_changelist")
    client.post(url, {"action": "mark_still_employed", "_selected_action": [checks[0].pk, checks[1].pk]})
    client.post(url, {"action": "mark_left", "_selected_action": [checks[2].pk]})
    states = dict(RetentionCheck.objects.values_list("months_after_start", "still_employed"))
    assert states == {1: True, 3: True, 6: False, 12: None}
    recorded = RetentionCheck.objects.get(pk=checks[0].pk)
    assert recorded.checked_on == timezone.localdate()
    assert recorded.checked_by == staff_user


def test_managers_cannot_record_checks(client, manager_user):
    placement = factories.PlacementFactory()
    create_due_retention_checks()
    check = placement.retention_checks.first()
    client.force_login(manager_user)
    client.post(
        reverse("admin:placements_retentioncheck_changelist"),
        {"action": "mark_still_employed", "_selected_action": [check.pk]},
    )
    check.refresh_from_db()
    assert check.checked_on is None
