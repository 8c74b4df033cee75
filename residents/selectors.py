"""Reading residents: retention, and a resident's own records (/me/ and the data download)."""

import datetime

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone

from placements.models import JobApplication, JobApplicationEvent, Placement
from programs.models import ProgramApplication, ProgramApplicationEvent
from residents.models import Resident, ResidentPriorityGroup


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


def job_applications_of(resident):
    return (
        JobApplication.objects.filter(resident=resident)
        .select_related("vacancy__employer")
        .prefetch_related(
            Prefetch("events", queryset=JobApplicationEvent.objects.order_by("occurred_at", "id"))
        )
    )


def program_applications_of(resident):
    return (
        ProgramApplication.objects.filter(resident=resident)
        .select_related("program")
        .prefetch_related(
            Prefetch("events", queryset=ProgramApplicationEvent.objects.order_by("occurred_at", "id"))
        )
    )


def placements_of(resident):
    return Placement.objects.filter(resident=resident).select_related("employer", "program", "dong_at_hire")


def priority_claims_of(resident):
    """A resident's priority claims with their document check; each knows its state."""
    return (
        ResidentPriorityGroup.objects.filter(resident=resident)
        .select_related("priority_group")
        .order_by("priority_group__sort_order", "priority_group__name")
    )


def claims_to_reverify(on_day=None, soon_days=30):
    """Verified claims past their validity or ending within soon_days: staff check them again."""
    on_day = on_day or timezone.localdate()
    horizon = on_day + datetime.timedelta(days=soon_days)
    return (
        ResidentPriorityGroup.objects.filter(verified_at__isnull=False, valid_until__lte=horizon)
        .exclude(resident__anonymised_at__isnull=False)
        .select_related("resident", "priority_group")
        .order_by("valid_until", "pk")
    )


def resident_data_export(resident):
    """Everything the portal holds about one resident (residents/data_export.py)."""
    from residents.data_export import resident_data_export as export

    return export(resident)


def resident_data_rows(resident):
    """The same, as (section, item, value) rows for the CSV download."""
    from residents.data_export import resident_data_rows as rows

    return rows(resident)


def profile_completeness(resident):
    """What the resident's profile lacks: {"missing": [(label, url)], "done": n, "total": n, "percent": n}.
    The checks are residents/completeness.py's registry, so other apps can add theirs."""
    from residents import completeness

    checks = completeness.registered()
    missing = [(check.label, check.url()) for check in checks if not check.is_complete(resident)]
    total = len(checks)
    done = total - len(missing)
    return {
        "missing": missing,
        "done": done,
        "total": total,
        "percent": round(done * 100 / total) if total else 100,
    }
