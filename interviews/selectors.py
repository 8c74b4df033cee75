"""Reading interviews and hiring events: each list with its joins done."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from interviews.models import Booking, HiringEvent, Interview, InterviewChange, TimeSlot

INTERVIEW_JOINS = ("application__vacancy__employer", "application__resident")


def interviews_of_application(application):
    return (
        Interview.objects.filter(application=application)
        .select_related(*INTERVIEW_JOINS)
        .prefetch_related(Prefetch("changes", queryset=InterviewChange.objects.order_by("occurred_at", "id")))
        .order_by("-created_at", "-id")
    )


def interviews_of_resident(resident):
    return (
        Interview.objects.filter(application__resident=resident)
        .select_related(*INTERVIEW_JOINS)
        .order_by("-starts_at", "-id")
    )


def interviews_visible_to_employer(employer):
    """Interviews on this employer's applications from residents who still consent to provision."""
    return Interview.objects.filter(
        application__vacancy__employer=employer,
        application__resident__provision_consented_at__isnull=False,
        application__resident__anonymised_at__isnull=True,
    ).select_related(*INTERVIEW_JOINS)


def active_interview_by_application(applications):
    """{application id: its active interview} for an employer's applicant list, in one query."""
    interviews = Interview.objects.filter(application__in=applications, status__in=Interview.ACTIVE).order_by(
        "starts_at"
    )
    return {interview.application_id: interview for interview in interviews}


def slots_with_places(event):
    return (
        TimeSlot.objects.filter(event=event)
        .annotate(booked=Count("bookings", filter=Q(bookings__status=Booking.Status.BOOKED)))
        .order_by("starts_at", "id")
    )


def published_events(*, upcoming_only=True):
    events = HiringEvent.objects.filter(is_published=True).prefetch_related("employers")
    if upcoming_only:
        events = events.filter(held_on__gte=timezone.localdate())
    return events.order_by("held_on", "id")


def bookings_of_resident(resident):
    return (
        Booking.objects.filter(resident=resident, status=Booking.Status.BOOKED)
        .select_related("slot", "event")
        .order_by("slot__starts_at", "id")
    )
