"""Sending work to Celery so that a page can always answer, and the retry policy tasks share.

from guro_jobs.tasks_util import RELIABLE_TASK, enqueue

@shared_task(**RELIABLE_TASK)
def recompute_dashboard(snapshot_id): ...

result = enqueue(recompute_dashboard, snapshot.pk)
messages.info(request, result.message)   # "요청을 받았습니다…" or "…지금은 처리할 수 없습니다…"
"""

import logging
from dataclasses import dataclass

from django.db import InterfaceError as DatabaseInterfaceError
from django.db import OperationalError as DatabaseOperationalError
from django.utils.translation import gettext_lazy as _
from kombu.exceptions import OperationalError as BrokerOperationalError

logger = logging.getLogger(__name__)

# Options for @shared_task: acknowledged only after the work is done (a killed worker's task is
# delivered again), and retried with exponential backoff when the database or the broker blips.
# Tasks using it must be idempotent: running twice gives the same result as running once.
RELIABLE_TASK = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (DatabaseOperationalError, DatabaseInterfaceError, BrokerOperationalError),
    "retry_backoff": 2,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 8,
}

QUEUED = "queued"
DONE = "done"
UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class EnqueueResult:
    status: str  # QUEUED, DONE (ran in-process, no broker configured) or UNAVAILABLE
    message: str
    task_id: str | None = None

    @property
    def accepted(self):
        return self.status in {QUEUED, DONE}


def enqueue(task, *args, **kwargs):
    """Send a task to the workers; when the broker cannot be reached, say so instead of raising.

    Fire and forget: the task records its outcome in the database, and no result is stored. (With a
    result store, Celery subscribes to the task's result channel before sending, and with Redis down
    that waits ~20 s and then fails with a RuntimeError instead of a broker error: found by the
    fault test tests/faults/test_redis_down.py.)"""
    from guro_jobs.celery import app

    eager = app.conf.task_always_eager
    try:
        async_result = task.apply_async(args=args, kwargs=kwargs, ignore_result=True)
    except BrokerOperationalError as error:  # Redis down or refusing: publishing retried, then gave up
        logger.warning("could not queue %s: %s", task.name, error)
        return EnqueueResult(
            status=UNAVAILABLE,
            message=str(
                _(
                    "작업 대기열에 연결할 수 없어 지금은 요청을 처리할 수 없습니다. "
                    "잠시 후 다시 시도해 주세요."
                )
            ),
        )
    if eager:
        return EnqueueResult(
            status=DONE, message=str(_("요청한 작업을 처리했습니다.")), task_id=async_result.id
        )
    return EnqueueResult(
        status=QUEUED,
        message=str(_("요청을 받았습니다. 작업이 대기열에 들어가 곧 처리됩니다.")),
        task_id=async_result.id,
    )
