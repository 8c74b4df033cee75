"""/healthz for anyone, the readiness page for staff: both answer even when the broker is down."""

import pytest
from django.conf import settings

from guro_jobs.celery import app

pytestmark = pytest.mark.django_db

READINESS = "/admin/readiness/"


@pytest.fixture
def broker_down(settings, monkeypatch):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    # Celery reads CELERY_BROKER_URL from the environment before its own configuration.
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:1/0")
    monkeypatch.setattr(app.conf, "broker_url", "redis://127.0.0.1:1/0")


def test_staff_see_database_broker_workers_and_queue(client, staff_user):
    client.force_login(staff_user)
    response = client.get(READINESS)
    assert response.status_code == 200
    page = response.content.decode()
    for label in (
        "운영 상태",
        "데이터베이스",
        "작업 대기열(브로커)",
        "응답한 작업 처리기(워커)",
        "대기 중인 작업",
    ):
        assert label in page
    assert "정상" in page


def test_managers_may_open_the_readiness_page(client, manager_user):
    client.force_login(manager_user)
    assert client.get(READINESS).status_code == 200


@pytest.mark.parametrize("role_fixture", ["resident_user", "employer_user"])
def test_residents_and_employers_cannot_open_the_readiness_page(client, request, role_fixture):
    client.force_login(request.getfixturevalue(role_fixture))
    response = client.get(READINESS)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_readiness_page_needs_a_login(client):
    assert client.get(READINESS).status_code == 302


def test_the_readiness_page_says_the_broker_is_down_instead_of_failing(client, staff_user, broker_down):
    client.force_login(staff_user)
    response = client.get(READINESS)
    assert response.status_code == 200
    page = response.content.decode()
    assert "연결 안 됨" in page
    assert "확인할 수 없음" in page


def test_healthz_says_broker_down_and_still_answers_200(client, broker_down):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "down"}


def test_the_ping_floor_view_answers_ok(client):
    response = client.get("/ops/ping")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.services
def test_with_a_real_worker_the_readiness_page_counts_it_and_the_queue(client, staff_user, celery_worker):
    client.force_login(staff_user)
    page = client.get(READINESS).content.decode()
    assert "1대" in page
    assert "건" in page
    assert settings.CELERY_BROKER_URL
