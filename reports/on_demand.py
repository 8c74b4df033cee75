"""Computing a year that has no snapshot yet when someone asks for it (page or API)."""

import logging

from django.core.cache import cache
from kombu.exceptions import OperationalError as BrokerOperationalError
from redis.exceptions import RedisError

from guro_jobs.celery import app as celery_app
from guro_jobs.health import broker_status
from reports.tasks import recompute_dashboard

logger = logging.getLogger(__name__)
BROKER_ERRORS = (BrokerOperationalError, RedisError, ConnectionError, OSError)


def on_demand_key(year):
    return f"reports:on-demand:{year}"


def compute_on_demand(year):
    """Queue the computation of a year that has no snapshot yet (once, however many open the
    page): returns the task id to follow, "" when it ran in-process, None when unavailable."""
    running = cache.get(on_demand_key(year))
    if running:
        return running
    if not celery_app.conf.task_always_eager and broker_status() == "down":
        return None
    try:
        result = recompute_dashboard.apply_async(args=[year], retry_policy={"max_retries": 1})
    except (*BROKER_ERRORS, RuntimeError):
        logger.warning("on-demand dashboard computation could not be queued", exc_info=True)
        return None
    if result.ready():
        return ""
    cache.set(on_demand_key(year), result.id, timeout=300)
    return result.id


def forget_on_demand(year):
    """The computation ended (done or failed): the next visit asks afresh."""
    cache.delete(on_demand_key(year))
