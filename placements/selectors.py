"""Reading job applications: for employers only what a resident agreed to share; for a resident their own."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from accounts.permissions import EMPLOYER
from guro_jobs.timeline import timeline_prefetch
from placements.models import JobApplication, JobApplicationEvent, Placement, RetentionCheck
from residents.selectors import applicant_disclosure

Status = JobApplication.Status

NEW_STATUSES = [Status.APPLIED, Status.REFERRED]

# The statuses an employer sets on its applicants, in the order its buttons show them. Withdrawing is
# the resident's; referring, and correcting a hire after the correction window, are staff's.
EMPLOYER_STATUSES = (Status.INTERVIEW, Status.HIRED, Status.REJECTED)

# How each of an employer's moves is shown: the hire is the main action, the rejection the least.
EMPLOYER_ACTION_STYLES = {Status.INTERVIEW: "secondary", Status.HIRED: "primary", Status.REJECTED: "tertiary"}


@dataclass(frozen=True)
class StatusAction:
    """One status an actor may move an application to now, as a button on their page."""

    status: str
    label: str
    style: str  # the KRDS button variant: primary, secondary or tertiary
    # A hire is recorded only after the employer confirms the start day and the monthly wage.
    needs_confirmation: bool = False


def shared_with_employers_q(prefix=""):
    """Rows of residents who consented to their data being provided to employers and are not
    anonymised: the only applicants and hires an employer may see."""
    return Q(
        **{
            f"{prefix}resident__provision_consented_at__isnull": False,
            f"{prefix}resident__anonymised_at__isnull": True,
        }
    )


def employer_status_choices():
    """(value, label) of every status an employer may ever set: the choices of its form and API."""
    return [(status.value, status.label) for status in EMPLOYER_STATUSES]


def employer_may_set(status):
    return status in EMPLOYER_STATUSES


def next_statuses_for_employer(application):
    """What the employer may move this application to now: its own moves the status allows."""
    return [status for status in EMPLOYER_STATUSES if application.can_move_to(status)]


def employer_actions(application):
    """The buttons an employer's applicant row shows, one per status it may move to now."""
    return [
        StatusAction(
            status=status.value,
            label=status.label,
            style=EMPLOYER_ACTION_STYLES[status],
            needs_confirmation=status == Status.HIRED,
        )
        for status in next_statuses_for_employer(application)
    ]


def applications_visible_to(employer):
    """Applications to this employer's vacancies from residents who consented to provision."""
    return (
        JobApplication.objects.filter(shared_with_employers_q(), vacancy__employer=employer)
        .select_related("vacancy", "resident__dong", "placement", "resume_snapshot")
        .prefetch_related(
            "resident__skills",
            timeline_prefetch(JobApplicationEvent),
        )
    )


def applicants_of(vacancy):
    return applications_visible_to(vacancy.employer).filter(vacancy=vacancy).order_by("created_at", "id")


def applicant_rows(vacancy):
    """The applicants of a vacancy as its employer's page lists them: each application with the
    `actions` the employer may take now and the `disclosure` of what it may see of the person."""
    rows = list(applicants_of(vacancy))
    for application in rows:
        application.actions = employer_actions(application)
        application.disclosure = applicant_disclosure(application.resident, role=EMPLOYER)
    return rows


def placements_visible_to(employer):
    """This employer's hires of residents who consented to provision (the same rule as applications)."""
    return Placement.objects.filter(shared_with_employers_q(), employer=employer)


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


def job_applications_of(resident):
    """A resident's own job applications with their timeline."""
    return (
        JobApplication.objects.filter(resident=resident)
        .select_related("vacancy__employer")
        .prefetch_related(timeline_prefetch(JobApplicationEvent))
    )


def placements_of(resident):
    """A resident's own placements of every source."""
    return Placement.objects.filter(resident=resident).select_related("employer", "program", "dong_at_hire")


def notes_on(application, employer):
    """An employer's private notes on one applicant (never another employer's)."""
    return (
        application.employer_notes.filter(employer=employer)
        .select_related("author")
        .order_by("created_at", "id")
    )
