"""Liveness of the parts the portal needs: the database and the Celery broker, and for staff the
workers and the queue. Every check answers within a few seconds and never raises."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STATUS_LABELS = {"ok": _("정상"), "eager": _("대기열 없이 즉시 처리(개발용)"), "down": _("연결 안 됨")}
QUEUE_NAME = "celery"  # Celery's default queue; a Redis list of that name holds waiting tasks
REDIS_SCHEMES = ("redis://", "rediss://")
_redis_clients = {}


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
    url = settings.CELERY_BROKER_URL
    try:
        if url.startswith(REDIS_SCHEMES):
            # A pooled client: a ping costs a round trip, not a new connection per probe.
            _redis_client(url, timeout).ping()
        else:
            from kombu import Connection

            with Connection(url, connect_timeout=timeout) as conn:
                conn.ensure_connection(max_retries=1, timeout=timeout)
        return "ok"
    except Exception:  # the broker is unreachable or refused us
        return "down"


def _redis_client(url, timeout):
    import redis

    client = _redis_clients.get(url)
    if client is None:  # redis-py reconnects by itself after the server comes back
        client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
        _redis_clients[url] = client
    return client


def online_workers(timeout=1.0):
    """Names of the workers that answered a ping, or None when they cannot be asked."""
    from guro_jobs.celery import app

    try:
        replies = app.control.ping(timeout=timeout) or []
    except Exception:  # broker gone between checks
        return None
    return sorted(name for reply in replies for name in reply)


def queue_length(queue=QUEUE_NAME, timeout=1.0):
    """Tasks waiting in the Redis queue, or None when the broker is not Redis or not reachable."""
    url = settings.CELERY_BROKER_URL or ""
    if not url.startswith(REDIS_SCHEMES):
        return None
    try:
        return _redis_client(url, timeout).llen(queue)
    except Exception:  # broker unreachable
        return None


@dataclass
class ReadinessReport:
    database: str
    broker: str
    workers: list | None = None
    queue_length: int | None = None
    queue_lengths: dict | None = None  # per named queue (settings.CELERY_TASK_QUEUES)
    checked_at: datetime = field(default_factory=timezone.now)

    @property
    def database_label(self):
        return STATUS_LABELS[self.database]

    @property
    def broker_label(self):
        return STATUS_LABELS[self.broker]


def readiness_report():
    report = ReadinessReport(database=database_status(), broker=broker_status())
    if report.broker == "ok":
        report.workers = online_workers()
        lengths = {queue.name: queue_length(queue.name) for queue in settings.CELERY_TASK_QUEUES}
        if None not in lengths.values():
            report.queue_lengths = lengths
            report.queue_length = sum(lengths.values())
    return report
