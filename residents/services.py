"""Writing residents."""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from residents.models import ConsentRecord, Resident, ResidentPriorityGroup

ANONYMOUS_NAME = "익명"


@transaction.atomic
def anonymise_resident(*, resident):
    """Remove a resident's personal data for good (PIPA). Statistics survive: each Placement keeps
    its own sector, dong, gender, age and priority groups at hire. Running it again changes nothing."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    from placements.models import JobApplicationEvent, RetentionCheck
    from programs.models import ProgramApplication, ProgramApplicationEvent

    resident = Resident.objects.select_for_update().get(pk=resident.pk)
    if resident.anonymised_at is not None:
        return resident

    resident.name = ANONYMOUS_NAME
    resident.birth_date = datetime.date(resident.birth_date.year, 1, 1)  # birth year only
    resident.dong = None
    resident.outside_region = ""
    resident.phone = ""
    resident.email = ""
    resident.unemployed_since = None
    resident.desired_employment_types = []
    resident.desired_monthly_wage = None
    resident.career_summary = ""
    resident.provision_consented_at = None  # nothing more goes to employers
    resident.anonymised_at = timezone.now()
    user = resident.user
    resident.user = None
    resident.save()
    resident.skills.clear()
    resident.desired_occupations.clear()
    ResidentPriorityGroup.objects.filter(resident=resident).delete()

    # Consent records stay as proof of what was agreed, without the address it came from.
    ConsentRecord.objects.filter(resident=resident).update(ip_address=None)
    # Staff notes about the person; statuses and dates stay for the statistics.
    JobApplicationEvent.objects.filter(application__resident=resident).update(note="")
    RetentionCheck.objects.filter(placement__resident=resident).update(note="")
    ProgramApplication.objects.filter(resident=resident).update(decision_reason="")
    ProgramApplicationEvent.objects.filter(application__resident=resident).update(reason="")

    if user is not None:
        old_username = user.username
        user.username = f"anonymised-{uuid.uuid4().hex}"
        user.email = ""
        user.first_name = ""
        user.last_name = ""
        user.is_active = False
        user.mail_opt_outs = []
        user.set_unusable_password()
        user.save()
        for model in (AccessAttempt, AccessLog, AccessFailureLog):
            model.objects.filter(username=old_username).delete()
    return resident
