"""Liveness of the parts the portal needs: the database and the Celery broker."""

from django.conf import settings
from django.db import connection


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception:  # any failure to reach the database means "down" for a health check
        return "down"


def broker_status(timeout=1.0):
    if settings.CELERY_TASK_ALWAYS_EAGER or not settings.CELERY_BROKER_URL:
        return "eager"
    from kombu import Connection

    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=timeout) as conn:
            conn.ensure_connection(max_retries=1, timeout=timeout)
        return "ok"
    except Exception:  # the broker is unreachable or refused us
        return "down"
