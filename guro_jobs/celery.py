"""The Celery app. Workers run `celery -A guro_jobs worker`, the scheduler `celery -A guro_jobs beat`."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guro_jobs.settings")

app = Celery("guro_jobs")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
