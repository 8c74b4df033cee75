"""Periodic work on residents."""

from celery import shared_task

from guro_jobs.tasks_util import RELIABLE_TASK
from residents.models import Resident
from residents.selectors import residents_due_for_anonymisation
from residents.services import anonymise_resident


@shared_task(**RELIABLE_TASK)
def anonymise_expired_residents():
    """Anonymise residents who asked to be deleted or are past the retention period (daily, beat)."""
    due = list(residents_due_for_anonymisation().order_by("pk").values_list("pk", flat=True))
    for pk in due:
        anonymise_resident(resident=Resident(pk=pk))  # one transaction each; safe to repeat
    return {"anonymised": len(due)}
