from celery import shared_task

from alerts import services
from alerts.models import SavedSearch


@shared_task(acks_late=True)
def send_job_alert_task(*, saved_search_id):
    """Mail one saved search's new vacancies (safe to run twice: each vacancy is mailed once)."""
    saved_search = SavedSearch.objects.filter(pk=saved_search_id).first()
    if saved_search is None:
        return 0
    return services.send_job_alert(saved_search=saved_search)


@shared_task(acks_late=True)
def send_job_alerts_task():
    """Nightly: one task per saved search of an active resident."""
    ids = list(
        SavedSearch.objects.filter(
            resident__user__is_active=True, resident__deletion_requested_at__isnull=True
        ).values_list("pk", flat=True)
    )
    for saved_search_id in ids:
        send_job_alert_task.delay(saved_search_id=saved_search_id)
    return len(ids)
