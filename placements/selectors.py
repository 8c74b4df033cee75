"""Reading job applications for employers: only what a resident agreed to share."""

from django.db.models import Prefetch
from django.utils import timezone

from placements.models import JobApplication, JobApplicationEvent, Placement, RetentionCheck

NEW_STATUSES = [JobApplication.Status.APPLIED, JobApplication.Status.REFERRED]


def applications_visible_to(employer):
    """Applications to this employer's vacancies from residents who consented to provision."""
    return (
        JobApplication.objects.filter(
            vacancy__employer=employer,
            resident__provision_consented_at__isnull=False,
            resident__anonymised_at__isnull=True,
        )
        .select_related("vacancy", "resident__dong", "placement", "resume_snapshot")
        .prefetch_related(
            "resident__skills",
            Prefetch("events", queryset=JobApplicationEvent.objects.order_by("occurred_at", "id")),
        )
    )


def applicants_of(vacancy):
    return applications_visible_to(vacancy.employer).filter(vacancy=vacancy).order_by("created_at", "id")


def new_applicants_of(employer):
    return applications_visible_to(employer).filter(status__in=NEW_STATUSES).order_by("-created_at", "-id")


def overdue_retention_checks():
    """Follow-ups not made whose due date has passed, oldest first (a cancelled hire has none)."""
    return (
        RetentionCheck.objects.filter(
            checked_on__isnull=True,
            due_on__lt=timezone.localdate(),
            placement__status=Placement.Status.STANDING,
        )
        .select_related("placement__resident", "placement__employer", "placement__program")
        .order_by("due_on", "id")
    )


def notes_on(application, employer):
    """An employer's private notes on one applicant (never another employer's)."""
    return (
        application.employer_notes.filter(employer=employer)
        .select_related("author")
        .order_by("created_at", "id")
    )
