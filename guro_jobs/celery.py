"""The Celery app. Each queue has its own worker (Procfile, docs/DEPLOY.md):
`celery -A guro_jobs worker -Q mail,celery`, `-Q dashboards`, `-Q imports`, `-Q national`; the
scheduler is `celery -A guro_jobs beat` (exactly one in the deployment)."""

import os

from celery import Celery
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guro_jobs.settings")

app = Celery("guro_jobs")
app.config_from_object("django.conf:settings", namespace="CELERY")


class QueueTimeLimits:
    """Gives every task the hard and soft time limits of the queue it is routed to
    (CELERY_QUEUE_TIME_LIMITS): a mail may take two minutes, a recompute half an hour."""

    def annotate(self, task):
        route = app.amqp.router.route({}, task.name)
        queue = route.get("queue")
        name = getattr(queue, "name", queue) or app.conf.task_default_queue
        limits = settings.CELERY_QUEUE_TIME_LIMITS.get(name)
        if limits is None:
            return None
        hard, soft = limits
        return {"time_limit": hard, "soft_time_limit": soft}


app.autodiscover_tasks()
