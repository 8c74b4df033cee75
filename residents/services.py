"""Writing residents: sign-up with PIPA consent, profile, consent to provision, deletion."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from accounts.services import create_user_with_role
from residents.models import ConsentRecord, PriorityVerification, Resident, ResidentPriorityGroup

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
    # Free text the apps above residents hold (messages, interview answers): residents/anonymisers.py.
    from residents import anonymisers

    anonymisers.run(resident)

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


Kind = ConsentRecord.Kind


def login_name_for(*, email, phone):
    """The username a resident logs in with: the email, or else the normalised mobile number."""
    return email.strip().lower() if email else phone


def _record_consent(resident, kind, granted, ip_address, when):
    ConsentRecord.objects.create(
        resident=resident,
        kind=kind,
        granted=granted,
        text_version=settings.CONSENT_TEXT_VERSION,
        recorded_at=when,
        ip_address=ip_address,
    )


@transaction.atomic
def register_resident(*, password, collection_consent, provision_consent=False, ip_address=None, **fields):
    """Create a resident's login and record with both PIPA consents, all or nothing."""
    if not collection_consent:
        raise ValidationError(_("개인정보 수집·이용에 동의해야 회원가입을 할 수 있습니다."))
    now = timezone.now()
    resident = Resident(
        collection_consented_at=now,
        provision_consented_at=now if provision_consent else None,
        consent_version=settings.CONSENT_TEXT_VERSION,
        last_active_at=now,
        **fields,
    )
    resident.full_clean()  # normalises the phone number before it becomes a login name
    user = create_user_with_role(
        username=login_name_for(email=resident.email, phone=resident.phone),
        password=password,
        role=roles.RESIDENT,
        email=resident.email,
        first_name=resident.name[:150],
    )
    resident.user = user
    resident.save()
    _record_consent(resident, Kind.COLLECTION, True, ip_address, now)
    _record_consent(resident, Kind.PROVISION, bool(provision_consent), ip_address, now)
    return resident


@transaction.atomic
def record_provision_consent(*, resident, granted=True, ip_address=None):
    """Give (or withdraw) consent to provide data to employers, with the text version shown."""
    now = timezone.now()
    resident.provision_consented_at = now if granted else None
    resident.consent_version = settings.CONSENT_TEXT_VERSION
    resident.save(update_fields=["provision_consented_at", "consent_version", "updated_at"])
    _record_consent(resident, Kind.PROVISION, granted, ip_address, now)
    return resident


@transaction.atomic
def update_resident_profile(*, resident, priority_groups=None, **m2m):
    """Save a resident's own profile; newly claimed priority groups wait for staff to verify."""
    resident.full_clean()
    resident.last_active_at = timezone.now()
    resident.save()
    for name, values in m2m.items():
        getattr(resident, name).set(values)
    if priority_groups is not None:
        wanted = {group.pk for group in priority_groups}
        ResidentPriorityGroup.objects.filter(resident=resident).exclude(priority_group__in=wanted).delete()
        held = set(
            ResidentPriorityGroup.objects.filter(resident=resident).values_list("priority_group", flat=True)
        )
        ResidentPriorityGroup.objects.bulk_create(
            [ResidentPriorityGroup(resident=resident, priority_group_id=pk) for pk in wanted - held]
        )
    if resident.user and resident.user.email != resident.email:
        resident.user.email = resident.email
        resident.user.save(update_fields=["email"])
    return resident


def record_resident_activity(*, user):
    """A resident logged in: the retention period stated in the consent counts from now."""
    Resident.objects.filter(user=user, anonymised_at__isnull=True).update(last_active_at=timezone.now())


@transaction.atomic
def request_account_deletion(*, resident):
    """The resident asks to leave; staff see the request and anonymise the record."""
    if resident.deletion_requested_at:
        raise ValidationError(_("이미 탈퇴를 요청했습니다. 일자리지원과에서 처리 중입니다."))
    resident.deletion_requested_at = timezone.now()
    resident.save(update_fields=["deletion_requested_at", "updated_at"])
    return resident


@transaction.atomic
def apply_with_provision_consent(*, resident, vacancy, consent_given=False, ip_address=None):
    """One-click apply; a resident who has not yet consented to provision may consent here.

    Both happen or neither does: a refused application leaves no consent behind.
    """
    from placements.services import apply_to_vacancy

    if not resident.has_provision_consent:
        if not consent_given:
            raise ValidationError(
                {"consent_provision": _("기업에 지원하려면 제3자(기업) 제공에 동의해야 합니다.")}
            )
        record_provision_consent(resident=resident, granted=True, ip_address=ip_address)
    return apply_to_vacancy(resident=resident, vacancy=vacancy)


@transaction.atomic
def verify_priority_claim(*, claim, document_type, by, valid_until=None, verified_at=None):
    """Staff checked a priority claim against a document: from now (until valid_until) it counts."""
    claim = ResidentPriorityGroup.objects.select_for_update().select_related("resident").get(pk=claim.pk)
    if document_type not in ResidentPriorityGroup.DocumentType.values:
        raise ValidationError({"document_type": _("확인한 서류의 종류를 골라 주세요.")})
    verified_at = verified_at or timezone.now()
    if valid_until is not None and valid_until < timezone.localdate(verified_at):
        raise ValidationError({"valid_until": _("유효 기간은 확인한 날보다 빠를 수 없습니다.")})
    claim.document_type = document_type
    claim.valid_until = valid_until
    claim.verified_at = verified_at
    claim.verified_by = by
    claim.full_clean()
    claim.save(update_fields=["document_type", "valid_until", "verified_at", "verified_by"])
    PriorityVerification.objects.create(
        resident=claim.resident,
        priority_group_id=claim.priority_group_id,
        document_type=document_type,
        verified_at=verified_at,
        verified_by=by,
        valid_until=valid_until,
    )
    return claim
