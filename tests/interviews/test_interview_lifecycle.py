"""An interview's life cycle: proposal → change request → new proposal → confirmation → one
reminder, with a mail and a calendar file (.ics) to both sides at each step."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from interviews import services
from interviews.models import Interview
from placements.models import JobApplication
from tests import factories
from tests.interviews.conftest import in_days

pytestmark = pytest.mark.django_db


def calendar_of(message):
    """The .ics attached to a mail, parsed."""
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    filename, content, mimetype = attachment
    assert mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def the_event(calendar):
    (event,) = calendar.walk("VEVENT")
    return event


def mails_to(outbox, address):
    return [message for message in outbox if address in message.to]


def test_the_whole_life_cycle_mails_both_sides_with_one_calendar_event_that_updates(
    application, hr, details, mailoutbox, django_capture_on_commit_callbacks
):
    resident_address = application.resident.user.email

    with django_capture_on_commit_callbacks(execute=True):
        interview = services.propose_interview(application=application, by=hr, **details)
    application.refresh_from_db()
    assert application.status == JobApplication.Status.INTERVIEW
    # The application's own timeline records it, once, with the time.
    assert application.events.filter(status="interview").count() == 1
    assert len(mails_to(mailoutbox, resident_address)) == 1  # one mail, not the bare status mail too
    assert len(mails_to(mailoutbox, hr.email)) == 1
    first = calendar_of(mails_to(mailoutbox, resident_address)[0])
    assert first["METHOD"] == "REQUEST"
    event = the_event(first)
    uid = str(event["UID"])
    assert uid == f"interview-{interview.uid}@guro-jobs"
    assert int(event["SEQUENCE"]) == 0
    assert event["DTSTART"].params["TZID"] == "Asia/Seoul"
    assert event["DTSTART"].dt == details["starts_at"]
    assert event["DTEND"].dt == details["starts_at"] + datetime.timedelta(minutes=40)
    assert "디지털로 300" in str(event["LOCATION"])
    assert "신분증" in str(event["DESCRIPTION"])
    assert first.walk("VTIMEZONE")[0]["TZID"] == "Asia/Seoul"
    body = mails_to(mailoutbox, resident_address)[0].body
    assert "박인사" in body and "02-860-0000" in body

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.respond_to_interview(
            interview=interview,
            by=application.resident.user,
            answer="reschedule_requested",
            message="목요일 오후 2시 이후면 좋겠습니다.",
        )
    interview.refresh_from_db()
    assert interview.status == Interview.Status.RESCHEDULE_REQUESTED
    employer_mail = mails_to(mailoutbox, hr.email)[0]
    assert "목요일 오후 2시" in employer_mail.body
    assert mails_to(mailoutbox, resident_address)

    mailoutbox.clear()
    new_time = in_days(4, hour=14, minute=30)
    with django_capture_on_commit_callbacks(execute=True):
        services.repropose_interview(interview=interview, by=hr, starts_at=new_time)
    interview.refresh_from_db()
    assert interview.status == Interview.Status.PROPOSED
    second = the_event(calendar_of(mails_to(mailoutbox, resident_address)[0]))
    assert str(second["UID"]) == uid  # the same event in the calendar, moved
    assert int(second["SEQUENCE"]) == 1
    assert second["DTSTART"].dt == new_time
    assert "바뀌었습니다" in mails_to(mailoutbox, resident_address)[0].subject

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.respond_to_interview(interview=interview, by=application.resident.user, answer="confirmed")
    interview.refresh_from_db()
    assert interview.status == Interview.Status.CONFIRMED
    confirmed = calendar_of(mails_to(mailoutbox, hr.email)[0])
    assert str(the_event(confirmed)["STATUS"]) == "CONFIRMED"

    # The day before: one reminder to each side, however often the beat task runs.
    mailoutbox.clear()
    day_before = new_time - datetime.timedelta(hours=23)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders(now=day_before) == 1
        assert services.send_due_reminders(now=day_before + datetime.timedelta(hours=1)) == 0
    assert len(mails_to(mailoutbox, resident_address)) == 1
    assert len(mails_to(mailoutbox, hr.email)) == 1
    assert "내일 면접" in mails_to(mailoutbox, resident_address)[0].subject

    history = list(interview.changes.values_list("status", flat=True))
    assert history == ["proposed", "reschedule_requested", "proposed", "confirmed"]


def test_no_reminder_before_the_last_day_nor_for_an_unconfirmed_interview(application, hr, details):
    interview = services.propose_interview(application=application, by=hr, **details)
    assert services.send_due_reminders(now=details["starts_at"] - datetime.timedelta(hours=23)) == 0
    services.respond_to_interview(interview=interview, by=application.resident.user, answer="confirmed")
    assert services.send_due_reminders(now=details["starts_at"] - datetime.timedelta(hours=30)) == 0
    assert services.send_due_reminders(now=details["starts_at"] - datetime.timedelta(hours=20)) == 1


def test_a_new_time_gets_its_own_reminder(application, hr, details):
    interview = services.propose_interview(application=application, by=hr, **details)
    services.respond_to_interview(interview=interview, by=application.resident.user, answer="confirmed")
    assert services.send_due_reminders(now=details["starts_at"] - datetime.timedelta(hours=20)) == 1
    later = details["starts_at"] + datetime.timedelta(days=1)
    services.repropose_interview(interview=interview, by=hr, starts_at=later)
    services.respond_to_interview(interview=interview, by=application.resident.user, answer="confirmed")
    assert services.send_due_reminders(now=later - datetime.timedelta(hours=20)) == 1
    assert services.send_due_reminders(now=later - datetime.timedelta(hours=19)) == 0


def test_cancelling_sends_a_calendar_cancel_with_a_higher_sequence(
    application, hr, details, mailoutbox, django_capture_on_commit_callbacks
):
    interview = services.propose_interview(application=application, by=hr, **details)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_interview(interview=interview, by=hr, reason="채용이 끝났습니다")
    calendar = calendar_of(mails_to(mailoutbox, application.resident.user.email)[0])
    assert calendar["METHOD"] == "CANCEL"
    assert str(the_event(calendar)["STATUS"]) == "CANCELLED"
    assert int(the_event(calendar)["SEQUENCE"]) == 1


def test_declining_cancels_the_calendar_event_for_the_employer(
    application, hr, details, mailoutbox, django_capture_on_commit_callbacks
):
    interview = services.propose_interview(application=application, by=hr, **details)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.respond_to_interview(interview=interview, by=application.resident.user, answer="declined")
    assert calendar_of(mails_to(mailoutbox, hr.email)[0])["METHOD"] == "CANCEL"


def test_a_resident_who_turned_interview_mail_off_gets_none(
    application, hr, details, mailoutbox, django_capture_on_commit_callbacks
):
    user = application.resident.user
    user.mail_opt_outs = ["interview_schedule"]
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.propose_interview(application=application, by=hr, **details)
    assert not mails_to(mailoutbox, user.email)
    assert mails_to(mailoutbox, hr.email)


# ---- Only the right people, at the right time ----


def test_only_the_applications_employer_proposes(application, details):
    other_employer = factories.employer_user()
    with pytest.raises(ValidationError, match="기업의 담당자만"):
        services.propose_interview(application=application, by=other_employer, **details)
    with pytest.raises(ValidationError, match="기업의 담당자만"):
        services.propose_interview(application=application, by=application.resident.user, **details)
    with pytest.raises(ValidationError, match="기업의 담당자만"):
        services.propose_interview(application=application, by=factories.staff_user(), **details)


def test_an_applicant_who_withdrew_consent_to_provision_cannot_be_invited(application, hr, details):
    resident = application.resident
    resident.provision_consented_at = None
    resident.save()
    with pytest.raises(ValidationError, match="기업의 담당자만"):
        services.propose_interview(application=application, by=hr, **details)


def test_only_the_applicant_responds(application, hr, details):
    interview = services.propose_interview(application=application, by=hr, **details)
    someone_else = factories.ResidentFactory(with_user=True).user
    for user in (someone_else, hr):
        with pytest.raises(ValidationError, match="본인만"):
            services.respond_to_interview(interview=interview, by=user, answer="confirmed")


def test_an_interview_cannot_be_in_the_past(application, hr, details):
    with pytest.raises(ValidationError) as error:
        services.propose_interview(
            application=application,
            by=hr,
            **{**details, "starts_at": timezone.now() - datetime.timedelta(hours=1)},
        )
    assert "starts_at" in error.value.error_dict


def test_in_person_needs_a_place_and_online_needs_a_link(application, hr, details):
    with pytest.raises(ValidationError) as error:
        services.propose_interview(application=application, by=hr, **{**details, "place": ""})
    assert "place" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        services.propose_interview(application=application, by=hr, **{**details, "mode": "online"})
    assert "online_link" in error.value.error_dict
    online = services.propose_interview(
        application=application,
        by=hr,
        **{**details, "mode": "online", "online_link": "https://meet.example.kr/abc"},
    )
    assert online.place == details["place"] and online.where == "https://meet.example.kr/abc"


@pytest.mark.parametrize("status", ["rejected", "withdrawn", "hired"])
def test_no_interview_on_a_finished_application(application, hr, details, status):
    application.status = status
    application.save()
    with pytest.raises(ValidationError, match="면접을 제안할 수 없습니다"):
        services.propose_interview(application=application, by=hr, **details)


def test_one_interview_in_progress_at_a_time(application, hr, details):
    services.propose_interview(application=application, by=hr, **details)
    with pytest.raises(ValidationError, match="진행 중인 면접"):
        services.propose_interview(application=application, by=hr, **details)


def test_asking_for_another_time_needs_the_times_that_suit(application, hr, details):
    interview = services.propose_interview(application=application, by=hr, **details)
    with pytest.raises(ValidationError) as error:
        services.respond_to_interview(
            interview=interview, by=application.resident.user, answer="reschedule_requested"
        )
    assert "message" in error.value.error_dict


def test_the_outcome_is_recorded_only_after_the_time(application, hr, details):
    interview = services.propose_interview(application=application, by=hr, **details)
    services.respond_to_interview(interview=interview, by=application.resident.user, answer="confirmed")
    with pytest.raises(ValidationError, match="지난 뒤에"):
        services.record_interview_outcome(interview=interview, by=hr, attended=True)
    Interview.objects.filter(pk=interview.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=1))
    assert services.record_interview_outcome(interview=interview, by=hr, attended=False).status == "no_show"
