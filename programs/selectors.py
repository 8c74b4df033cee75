"""Reading programs for the public portal: this year's published programs and places left."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from programs.models import Program, ProgramApplication, ProgramApplicationEvent

TAKING_A_PLACE = [
    ProgramApplication.Status.SELECTED,
    ProgramApplication.Status.ACTIVE,
    ProgramApplication.Status.COMPLETED,
]


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
        .prefetch_related(
            Prefetch("events", queryset=ProgramApplicationEvent.objects.order_by("occurred_at", "id"))
        )
    )
