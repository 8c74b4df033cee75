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


@shared_task(acks_late=True)
def send_closing_reminder_task(*, saved_vacancy_id):
    """Remind one resident of one saved vacancy closing soon (safe to run twice: one mail at most)."""
    from alerts.models import SavedVacancy

    saved_vacancy = SavedVacancy.objects.filter(pk=saved_vacancy_id).first()
    if saved_vacancy is None:
        return False
    return services.send_closing_reminder(saved_vacancy=saved_vacancy)


@shared_task(acks_late=True)
def send_closing_reminders_task():
    """Daily: one task per saved vacancy that closes soon and was not reminded yet."""
    from alerts.selectors import saved_vacancies_closing_soon

    ids = list(saved_vacancies_closing_soon().values_list("pk", flat=True))
    for saved_vacancy_id in ids:
        send_closing_reminder_task.delay(saved_vacancy_id=saved_vacancy_id)
    return len(ids)
