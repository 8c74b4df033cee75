"""Reading residents."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from residents.models import Resident


def retention_cutoff(now=None):
    """Residents inactive since before this moment are past the retention period in the consent."""
    now = now or timezone.now()
    years = settings.RESIDENT_RETENTION_YEARS
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def residents_due_for_anonymisation(now=None):
    """Not yet anonymised, and either asked to be deleted or inactive past the retention period."""
    return Resident.objects.filter(anonymised_at__isnull=True).filter(
        Q(deletion_requested_at__isnull=False) | Q(last_active_at__lt=retention_cutoff(now))
    )
