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
def test_healthz_says_broker_down_when_it_cannot_be_reached(client, settings, monkeypatch):
    from guro_jobs.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    # Celery prefers CELERY_BROKER_URL from the environment over its configuration.
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:1/0")
    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        body = client.get("/healthz").json()
    finally:
        app.conf.broker_url = previous
    assert body == {"database": "ok", "broker": "down"}
