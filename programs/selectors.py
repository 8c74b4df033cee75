"""Reading programs for the public portal: this year's published programs and places left."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guro_jobs.timeline import timeline_prefetch
from programs.models import Program, ProgramApplication, ProgramApplicationEvent

TAKING_A_PLACE = [
    ProgramApplication.Status.SELECTED,
    ProgramApplication.Status.ACTIVE,
    ProgramApplication.Status.COMPLETED,
]


@dataclass(frozen=True)
class ProgramAction:
    """One thing a resident may do on a program's page now, as a button posting to `url_name`."""

    url_name: str
    label: str
    style: str  # the KRDS button variant


APPLY = ProgramAction("programs:apply", _("이 사업에 신청하기"), "primary")
WITHDRAW = ProgramAction("programs:withdraw", _("신청 취소"), "secondary")


def resident_program_actions(application, *, accepting):
    """A resident applies while the program is taking applications and they have none (or withdrew
    theirs); they withdraw an application the rules still let go (before a selection decision)."""
    if application is None or application.status == ProgramApplication.Status.WITHDRAWN:
        return [APPLY] if accepting else []
    if application.can_move_to(ProgramApplication.Status.WITHDRAWN):
        return [WITHDRAW]
    return []


def public_programs(year=None):
    """Published programs of a year (this year by default), each with `places_taken`."""
    year = year or timezone.localdate().year
    return (
        Program.objects.filter(is_published=True, year=year)
        .annotate(places_taken=Count("applications", filter=Q(applications__status__in=TAKING_A_PLACE)))
        .prefetch_related("required_priority_groups")
        .order_by("kind", "name")
    )


def places_left(program):
    """Capacity minus selected, active and completed participants; None when capacity is unset.
    A program sharing a pool of places also stops at what is left of the pool."""
    if program.place_pool_id is not None:
        from programs.selection import free_places

        return free_places(program)
    if program.capacity is None:
        return None
    taken = getattr(program, "places_taken", None)
    if taken is None:
        taken = program.applications.filter(status__in=TAKING_A_PLACE).count()
    return max(program.capacity - taken, 0)


def program_applications_of(resident):
    """A resident's own program applications with their timeline."""
    return (
        ProgramApplication.objects.filter(resident=resident)
        .select_related("program")
        .prefetch_related(timeline_prefetch(ProgramApplicationEvent))
    )
