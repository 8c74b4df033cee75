"""A hiring-event booking reaches the resident's calendar: the booking mail carries an .ics of the
slot, the cancellation mail one that takes it out again, the page offers it for download, and the
day before the slot the resident is reminded once."""

import datetime

import pytest
from icalendar import Calendar

from interviews import services
from tests import factories
from tests.interviews.test_hiring_events import make_event
from tests.interviews.test_interview_lifecycle import calendar_of, the_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident():
    return factories.ResidentFactory(with_user=True)


def test_the_booking_mail_carries_the_slot_and_the_cancellation_mail_takes_it_out(
    resident, mailoutbox, django_capture_on_commit_callbacks
):
    _event, slot = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.book_slot(slot=slot, resident=resident)
    (booked,) = mailoutbox
    assert booked.to == [resident.user.email]
    booked_event = the_event(calendar_of(booked))
    assert str(calendar_of(booked)["METHOD"]) == "REQUEST"
    assert booked_event["DTSTART"].dt == slot.starts_at
    assert booked_event["DTEND"].dt == slot.ends_at
    assert str(booked_event["LOCATION"]) == "구로구청 대강당"
    assert "2026 구로 채용박람회" in str(booked_event["SUMMARY"])

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(booking=booking, by=resident.user)
    (cancelled,) = mailoutbox
    assert "예약을 취소했습니다" in cancelled.subject
    cancelled_event = the_event(calendar_of(cancelled))
    assert str(calendar_of(cancelled)["METHOD"]) == "CANCEL"
    assert cancelled_event["UID"] == booked_event["UID"]
    assert cancelled_event["SEQUENCE"] > booked_event["SEQUENCE"]


def test_a_resident_downloads_only_their_own_booking_as_a_calendar_file(client, resident):
    _event, slot = make_event(capacity=3)
    booking = services.book_slot(slot=slot, resident=resident)
    someone_else = factories.ResidentFactory(with_user=True)

    client.force_login(resident.user)
    assert (
        f"/job-fairs/bookings/{booking.pk}/booking.ics"
        in client.get(f"/job-fairs/{slot.event_id}/").content.decode()
    )
    response = client.get(f"/job-fairs/bookings/{booking.pk}/booking.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert event["DTSTART"].dt == slot.starts_at

    client.force_login(someone_else.user)
    assert client.get(f"/job-fairs/bookings/{booking.pk}/booking.ics").status_code == 404


def test_the_day_before_the_slot_the_resident_is_reminded_once(
    resident, mailoutbox, django_capture_on_commit_callbacks
):
    _event, slot = make_event()
    services.book_slot(slot=slot, resident=resident)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_booking_reminders(now=slot.starts_at - datetime.timedelta(hours=30)) == 0
        assert services.send_due_booking_reminders(now=slot.starts_at - datetime.timedelta(hours=23)) == 1
        assert services.send_due_booking_reminders(now=slot.starts_at - datetime.timedelta(hours=22)) == 0
    (reminder,) = mailoutbox
    assert "내일 채용 행사" in reminder.subject
    assert the_event(calendar_of(reminder))["DTSTART"].dt == slot.starts_at


def test_a_moved_slot_is_reminded_again_and_a_cancelled_booking_never(resident):
    _event, slot = make_event(capacity=3)
    booking = services.book_slot(slot=slot, resident=resident)
    assert services.send_due_booking_reminders(now=slot.starts_at - datetime.timedelta(hours=20)) == 1
    slot.starts_at += datetime.timedelta(days=1)
    slot.ends_at += datetime.timedelta(days=1)
    slot.save()
    assert services.send_due_booking_reminders(now=slot.starts_at - datetime.timedelta(hours=20)) == 1

    other = factories.ResidentFactory(with_user=True)
    cancelled = services.book_slot(slot=slot, resident=other)
    services.cancel_booking(booking=cancelled, by=other.user)
    assert services.send_due_booking_reminders(now=slot.starts_at - datetime.timedelta(hours=19)) == 0
    booking.refresh_from_db()
    assert booking.reminder_sent_for == slot.starts_at
