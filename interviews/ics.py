"""The calendar files (RFC 5545 .ics) attached to interview and hiring-event booking mails.

One UID per interview (its `uid`), SEQUENCE = its `sequence`: a new time or a cancellation updates the
event already in the reader's calendar. One UID per booking: its cancellation (SEQUENCE 1) takes the
booked slot out again. Times are in Asia/Seoul with its VTIMEZONE."""

import zoneinfo
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")
PRODID = "-//Guro-gu Jobs Support Division//Guro Jobs Portal//KO"

REQUEST = "REQUEST"
CANCEL = "CANCEL"


def interview_uid(interview):
    return f"interview-{interview.uid}@guro-jobs"


def method_for(interview):
    """CANCEL once the interview will not happen (cancelled or declined), REQUEST otherwise."""
    return CANCEL if interview.status in (interview.Status.CANCELLED, interview.Status.DECLINED) else REQUEST


def _description(interview):
    lines = [
        _("채용 공고: %(title)s") % {"title": interview.application.vacancy.title},
        _("담당자: %(name)s (%(phone)s)")
        % {"name": interview.contact_name, "phone": interview.contact_phone},
    ]
    if interview.mode == interview.Mode.ONLINE:
        lines.append(_("온라인 면접 주소: %(link)s") % {"link": interview.online_link})
    if interview.what_to_bring:
        lines.append(_("준비물: %(items)s") % {"items": interview.what_to_bring})
    if interview.note:
        lines.append(interview.note)
    return "\n".join(lines)


def interview_ics(interview, *, method=None):
    """The interview as a calendar (bytes as text), METHOD:REQUEST or CANCEL."""
    method = method or method_for(interview)
    vacancy = interview.application.vacancy
    start = timezone.localtime(interview.starts_at, SEOUL)
    event = Event.new(
        uid=interview_uid(interview),
        sequence=interview.sequence,
        stamp=timezone.now(),
        start=start,
        end=timezone.localtime(interview.ends_at, SEOUL),
        summary=_("면접: %(employer)s · %(title)s")
        % {"employer": vacancy.employer.name, "title": vacancy.title},
        location=interview.where,
        description=_description(interview),
        status="CANCELLED"
        if method == CANCEL
        else "CONFIRMED"
        if interview.status == "confirmed"
        else "TENTATIVE",
    )
    if interview.online_link:
        event.add("url", interview.online_link)
    return _calendar(event, method=method, organizer=vacancy.employer.name)


def _calendar(event, *, method, organizer):
    """The event in a calendar of its own, with the portal's mail address as the organizer's."""
    address = vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or 'jobs@guro.go.kr'}")
    address.params["CN"] = organizer
    event.add("organizer", address)
    calendar = Calendar.new(prodid=PRODID, method=method, subcomponents=[event])
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def ics_attachment(interview):
    return {"filename": "interview.ics", "content": interview_ics(interview), "mimetype": "text/calendar"}


def booking_uid(booking):
    return f"booking-{booking.pk}@guro-jobs"


def booking_ics(booking):
    """A resident's booked slot at a job fair or walk-in interview day; CANCEL once cancelled."""
    cancelled = booking.status == booking.Status.CANCELLED
    slot, hiring_event = booking.slot, booking.event
    event = Event.new(
        uid=booking_uid(booking),
        sequence=1 if cancelled else 0,
        stamp=timezone.now(),
        start=timezone.localtime(slot.starts_at, SEOUL),
        end=timezone.localtime(slot.ends_at, SEOUL),
        summary=_("채용 행사: %(title)s") % {"title": hiring_event.title},
        location=hiring_event.place,
        description=_("신분증과 이력서를 가지고 오세요. 예약은 포털의 행사 화면에서 취소할 수 있습니다."),
        status="CANCELLED" if cancelled else "CONFIRMED",
    )
    return _calendar(event, method=CANCEL if cancelled else REQUEST, organizer=_("구로구 일자리지원과"))


def booking_attachment(booking):
    return {"filename": "booking.ics", "content": booking_ics(booking), "mimetype": "text/calendar"}
