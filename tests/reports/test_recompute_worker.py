"""A recompute asked for on the web page is done by a real Celery worker (Redis, PostgreSQL)."""

import time

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import DashboardSnapshot

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_recompute_requested_on_the_page_is_done_by_the_worker_and_shown(
    client, staff_user, hand_counted, celery_worker
):
    DashboardSnapshot.objects.create(
        year=2011, computed_at=timezone.now(), data={"year": 2011, "stale": True}
    )
    client.force_login(staff_user)

    response = client.post(reverse("reports:recompute"), {"year": 2011})
    assert response.status_code == 302
    progress_url = response["Location"]
    assert "/dashboard/recompute/" in progress_url

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        page = client.get(progress_url)
        if page.status_code == 302:
            break
        assert page.status_code == 200
        assert "recompute-progress" in page.content.decode()
        time.sleep(0.5)
    else:
        pytest.fail("the worker did not finish the recompute within 60 s")

    dashboard = client.get(page["Location"])
    text = dashboard.content.decode()
    assert "2011년 대시보드를 다시 계산했습니다" in text
    assert "3,810" in text and "0.2%" in text  # the new figures: 6 of 3,810
    snapshot = DashboardSnapshot.objects.get(year=2011)
    assert "stale" not in snapshot.data
    assert snapshot.data["sectors"][0]["actual"] == 6
