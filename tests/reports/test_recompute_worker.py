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


SCRIPT = """
import django
django.setup()
from django.test import Client
from accounts.models import User
from tests.factories import verify_second_factor_in_session
client = Client()
staff = User.objects.get(username="staff@guro.go.kr")
client.force_login(staff)
verify_second_factor_in_session(client, staff)  # staff give their TOTP code (docs/DEPLOY.md)
response = client.post("/dashboard/recompute/", {"year": 2011})
print(response.status_code)
print(response.content.decode())
"""


def test_recompute_with_redis_stopped_answers_in_korean_not_500(staff_user):
    """The portal runs against a Redis that is not there (nothing listens on port 1)."""
    import os
    import subprocess
    import sys

    from django.db import connection

    from tests.workers import BASE_DIR

    db = connection.settings_dict
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="guro_jobs.settings",
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        CELERY_BROKER_URL="redis://127.0.0.1:1/3",
        CELERY_RESULT_BACKEND="redis://127.0.0.1:1/3",
    )
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    status, _, page = run.stdout.partition("\n")
    assert status == "503", run.stderr[-2000:]
    assert "지금은 다시 계산할 수 없습니다" in page
