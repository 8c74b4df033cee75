"""Reading residents: retention, and a resident's own records (/me/ and the data download).
A resident's applications and placements are read by placements/selectors.py and programs/selectors.py."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from accounts.permissions import EMPLOYER, MANAGER, RESIDENT, STAFF
from residents.models import Resident, ResidentPriorityGroup


def retention_cutoff(now=None):
    """Residents inactive since before this moment are past the retention period in the consent."""
    now = now or timezone.now()
    years = settings.RESIDENT_RETENTION_YEARS
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


# ---- What of a resident a viewer may see (PIPA): one rule for the API and the pages ----

# What a manager (who watches figures) does not see of a resident's record.
MASKED_FOR_MANAGERS = ("phone", "email", "birth_date")


@dataclass(frozen=True)
class ApplicantDisclosure:
    """What a viewer may see of a resident shown as an applicant or a hire (never the birth date,
    only the birth year): `contact` is the phone and e-mail, `career` the career summary."""

    contact: bool
    career: bool


def applicant_disclosure(resident, *, role):
    """Contact details go to staff, to the person themselves and to an employer the resident has
    consented to provide them to; managers see no contact details; an employer without that
    consent sees neither contact details nor the career summary."""
    consented_employer = role == EMPLOYER and resident.has_provision_consent
    return ApplicantDisclosure(
        contact=role in {STAFF, RESIDENT} or consented_employer,
        career=role != EMPLOYER or consented_employer,
    )


def record_hidden_fields(role):
    """The fields of a resident's full record a role may not see: managers see neither contact
    details nor the birth date; only staff and the person see priority-group claims."""
    hidden = list(MASKED_FOR_MANAGERS) if role == MANAGER else []
    if role not in {STAFF, RESIDENT}:
        hidden.append("priority_groups")
    return hidden


def residents_due_for_anonymisation(now=None):
    """Not yet anonymised, and either asked to be deleted or inactive past the retention period."""
    return Resident.objects.filter(anonymised_at__isnull=True).filter(
        Q(deletion_requested_at__isnull=False) | Q(last_active_at__lt=retention_cutoff(now))
    )


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
