"""The live current year: after any change that moves a figure, one debounced recompute.

The first change opens a window of DASHBOARD_LIVE_RECOMPUTE_DELAY seconds (a cache key that expires
on its own) and queues one recompute of the current year to run when the window closes; changes
inside the window add nothing. So a burst of 500 hires costs one recompute, not 500, and a
change is in the figures within the window plus one computation. Earlier years keep the nightly
recompute. The key is never deleted by the task, so the rule holds even where the web processes
and the workers do not share a cache (then each process debounces on its own).

Where tasks run in-process (no broker: local runs and tests) nothing can run later, so a change
drops the current year's snapshot instead, and the next view computes it on demand, once.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def _window_key(year):
    return f"reports:live-recompute:{year}"


def schedule_live_recompute(*, year=None):
    """Queue the current year's recompute at the end of the debounce window, unless one is queued.

    Returns True when this call queued it."""
    from guro_jobs.celery import app as celery_app
    from reports.models import DashboardSnapshot
    from reports.tasks import recompute_dashboard

    year = year or timezone.localdate().year
    if celery_app.conf.task_always_eager:
        DashboardSnapshot.objects.filter(year=year).delete()
        return False
    delay = settings.DASHBOARD_LIVE_RECOMPUTE_DELAY
    if not cache.add(_window_key(year), timezone.now().isoformat(), timeout=delay):
        return False
    try:
        recompute_dashboard.apply_async(args=[year], countdown=delay, ignore_result=True)
    except (BrokerOperationalError, RedisError, ConnectionError, OSError) as error:
        # The change itself stands; the nightly recompute will catch up.
        cache.delete(_window_key(year))
        logger.warning("live dashboard recompute could not be queued: %s", error)
        return False
    return True


def figures_changed(sender, instance=None, **kwargs):
    """Signal handler: a placement or program application changed; recompute after commit."""
    transaction.on_commit(lambda: schedule_live_recompute())
