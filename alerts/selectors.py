"""Reading saved vacancies (관심 공고): a resident's list, and which ones are due a reminder."""

import datetime

from django.utils import timezone

from alerts.models import SavedVacancy

# A reminder goes out when a saved vacancy closes within this many days (today included).
CLOSING_SOON_DAYS = 3


def saved_vacancies_of(resident):
    """A resident's saved vacancies, newest first, with the vacancy and its employer joined."""
    return SavedVacancy.objects.filter(resident=resident).select_related(
        "vacancy__employer", "vacancy__occupation", "vacancy__dong"
    )


def saved_vacancy_ids_of(resident):
    return set(SavedVacancy.objects.filter(resident=resident).values_list("vacancy_id", flat=True))


def saved_among_sql(vacancy_ids):
    """Which of `vacancy_ids` the resident saved, as a sub-select over `resident.id` for the query
    that reads the signed-in resident (residents.permissions.read_along_with_resident)."""
    table = SavedVacancy._meta.db_table
    return (
        f"ARRAY(SELECT saved.vacancy_id FROM {table} saved"
        " WHERE saved.resident_id = resident.id AND saved.vacancy_id = ANY(%s::bigint[]))",
        [[int(pk) for pk in vacancy_ids]],
    )


def saved_vacancies_closing_soon(today=None, days=CLOSING_SOON_DAYS):
    """Saved, not yet reminded, the vacancy still open and closing between today and `days` on."""
    today = today or timezone.localdate()
    return SavedVacancy.objects.filter(
        reminded_at__isnull=True,
        vacancy__status="open",
        vacancy__closes_on__gte=today,
        vacancy__closes_on__lt=today + datetime.timedelta(days=days),
        resident__user__is_active=True,
        resident__deletion_requested_at__isnull=True,
        resident__anonymised_at__isnull=True,
    )
