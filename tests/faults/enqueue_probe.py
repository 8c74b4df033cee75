"""Run as its own process by the fault tests: queue the retention task through enqueue() and
print what a page would be told, as one JSON line."""

import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guro_jobs.settings")
django.setup()

from guro_jobs.tasks_util import enqueue  # noqa: E402
from residents.tasks import anonymise_expired_residents  # noqa: E402

result = enqueue(anonymise_expired_residents)
print(json.dumps({"status": result.status, "message": result.message, "task_id": result.task_id}))
