import pytest
from django.conf import settings


@pytest.mark.django_db
def test_healthz_needs_no_login_and_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok"
    expected_broker = "eager" if not settings.CELERY_BROKER_URL else "ok"
    assert body["broker"] == expected_broker


@pytest.mark.django_db
def test_healthz_says_broker_down_when_it_cannot_be_reached(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    body = client.get("/healthz").json()
    assert body == {"database": "ok", "broker": "down"}
