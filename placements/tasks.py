from celery import shared_task

from placements.services import ensure_retention_checks


@shared_task(acks_late=True)
def create_due_retention_checks():
    """Daily: make sure every placement has its 1/3/6/12-month retention checks."""
    return ensure_retention_checks()
