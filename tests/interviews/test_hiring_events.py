"""Job fairs and walk-in interviews: residents book a slot within its capacity, staff record the day."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from interviews import services
from interviews.models import Booking, HiringEvent, TimeSlot
from placements.models import JobApplication, Placement
from tests import factories


def make_event(capacity=2, *, published=True, days=5):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    event = HiringEvent.objects.create(
        title="2026 구로 채용박람회",
        kind=HiringEvent.Kind.JOB_FAIR,
        place="구로구청 대강당",
        held_on=timezone.localdate(start),
        is_published=published,
    )
    slot = TimeSlot.objects.create(
        event=event, starts_at=start, ends_at=start + datetime.timedelta(hours=1), capacity=capacity
    )
    return event, slot


@pytest.mark.django_db
def test_a_slot_takes_no_more_bookings_than_its_capacity():
    _event, slot = make_event(capacity=2)
    services.book_slot(slot=slot, resident=factories.ResidentFactory(with_user=True))
    services.book_slot(slot=slot, resident=factories.ResidentFactory(with_user=True))
    with pytest.raises(ValidationError, match="정원이 찼습니다"):
        services.book_slot(slot=slot, resident=factories.ResidentFactory(with_user=True))


@pytest.mark.django_db
def test_a_cancelled_booking_frees_its_place_and_one_booking_per_event():
    event, slot = make_event(capacity=1)
    resident = factories.ResidentFactory(with_user=True)
    booking = services.book_slot(slot=slot, resident=resident)
    second_slot = TimeSlot.objects.create(
        event=event, starts_at=slot.ends_at, ends_at=slot.ends_at + datetime.timedelta(hours=1), capacity=5
    )
    with pytest.raises(ValidationError, match="이미 예약했습니다"):
        services.book_slot(slot=second_slot, resident=resident)
    services.cancel_booking(booking=booking, by=resident.user)
    services.book_slot(slot=slot, resident=factories.ResidentFactory(with_user=True))


@pytest.mark.django_db
def test_no_booking_of_an_unpublished_event_or_a_past_slot_or_someone_elses_cancel():
    _event, slot = make_event(published=False)
    with pytest.raises(ValidationError, match="예약을 받지 않는"):
        services.book_slot(slot=slot, resident=factories.ResidentFactory(with_user=True))
    _event, past = make_event(days=-1)
    with pytest.raises(ValidationError, match="지난 시간대"):
        services.book_slot(slot=past, resident=factories.ResidentFactory(with_user=True))
    _event, slot = make_event()
    booking = services.book_slot(slot=slot, resident=factories.ResidentFactory(with_user=True))
    with pytest.raises(ValidationError, match="본인의 예약만"):
        services.cancel_booking(booking=booking, by=factories.ResidentFactory(with_user=True).user)


@pytest.mark.django_db(transaction=True)
def test_two_residents_racing_for_the_last_place_get_one_booking():
    """Each booking runs in its own connection at the same moment; the slot's row lock lets one in."""
    _event, slot = make_event(capacity=1)
    residents = [factories.ResidentFactory(with_user=True) for _ in range(4)]
    barrier = threading.Barrier(len(residents))
    outcomes = []

    def book(resident):
        try:
            barrier.wait()
            services.book_slot(slot=slot, resident=resident)
            outcomes.append("booked")
        except ValidationError:
            outcomes.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(resident,)) for resident in residents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked", "full", "full", "full"]
    assert Booking.objects.filter(slot=slot, status="booked").count() == 1


@pytest.mark.django_db
def test_staff_record_attendance_and_a_pass_becomes_a_hire_through_placements():
    staff = factories.staff_user()
    event, slot = make_event()
    employer_user = factories.employer_user()
    vacancy = factories.VacancyFactory(employer=employer_user.employer)
    event.vacancies.add(vacancy)
    resident = factories.ResidentFactory(with_user=True)
    booking = services.book_slot(slot=slot, resident=resident)

    with pytest.raises(ValidationError, match="직원만"):
        services.record_booking_outcome(booking=booking, by=employer_user, attendance="attended")
    with pytest.raises(ValidationError):
        services.record_booking_outcome(
            booking=booking, by=staff, attendance="absent", interview_result="passed"
        )
    with pytest.raises(ValidationError, match="참석해서 합격한"):
        services.hire_from_booking(booking=booking, by=staff)

    services.record_booking_outcome(
        booking=booking, by=staff, attendance="attended", interview_result="passed", vacancy=vacancy
    )
    booking = services.hire_from_booking(booking=booking, by=staff)
    application = JobApplication.objects.get(resident=resident, vacancy=vacancy)
    assert application.status == JobApplication.Status.HIRED
    assert application.referred_by == staff
    placement = Placement.objects.get(job_application=application)
    assert booking.placement == placement
    assert placement.monthly_wage == vacancy.monthly_wage
    with pytest.raises(ValidationError, match="이미 채용을 연계한"):
        services.hire_from_booking(booking=booking, by=staff)


@pytest.mark.django_db
def test_the_public_pages_show_published_events_with_their_free_places(client):
    event, slot = make_event(capacity=3)
    hidden, _slot = make_event(published=False)
    hidden.title = "비공개 행사"
    hidden.save()
    services.book_slot(slot=slot, resident=factories.ResidentFactory(with_user=True))
    listing = client.get("/job-fairs/").content.decode()
    assert "2026 구로 채용박람회" in listing and "비공개 행사" not in listing
    detail = client.get(f"/job-fairs/{event.pk}/").content.decode()
    assert "1 / 3명" in detail
    assert client.get(f"/job-fairs/{hidden.pk}/").status_code == 404


@pytest.mark.django_db
def test_a_resident_books_and_cancels_on_the_page_and_sees_it_on_my_page(client):
    event, slot = make_event()
    resident = factories.ResidentFactory(with_user=True)
    client.force_login(resident.user)
    response = client.post(f"/job-fairs/slots/{slot.pk}/book/", follow=True)
    assert "예약했습니다" in response.content.decode()
    assert "2026 구로 채용박람회" in client.get("/me/").content.decode()
    booking = Booking.objects.get(resident=resident)
    client.post(f"/job-fairs/bookings/{booking.pk}/cancel/")
    booking.refresh_from_db()
    assert booking.status == "cancelled"
