"""Interviews and hiring-event bookings: every rule about who may do what, and when, is here."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from interviews.ics import booking_attachment, ics_attachment
from interviews.models import Booking, Interview, InterviewChange, TimeSlot
from notifications.kinds import MailKind
from notifications.services import notify
from placements.models import JobApplication
from placements.services import confirm_hire, move_job_application, refer_resident

Status = Interview.Status
ApplicationStatus = JobApplication.Status

# An interview makes sense while the employer is still deciding.
INTERVIEWABLE = {
    ApplicationStatus.APPLIED,
    ApplicationStatus.REFERRED,
    ApplicationStatus.INTERVIEW,
    ApplicationStatus.HIRE_CANCELLED,
}
DETAIL_FIELDS = (
    "starts_at",
    "duration_minutes",
    "mode",
    "place",
    "online_link",
    "contact_name",
    "contact_phone",
    "what_to_bring",
    "note",
)
REMINDER_WINDOW = datetime.timedelta(hours=24)


def is_applications_employer(user, application):
    return bool(
        user
        and user.is_authenticated
        and user.is_employer_user
        and user.employer_id == application.vacancy.employer_id
        and application.resident.has_provision_consent
        and application.resident.anonymised_at is None
    )


def is_applicant(user, application):
    return bool(user and user.is_authenticated and application.resident.user_id == user.pk)


def when_text(moment):
    local = timezone.localtime(moment)
    return _("%(day)s %(time)s") % {
        "day": formats.date_format(local, "Y년 n월 j일 (D)"),
        "time": f"{local:%H:%M}",
    }


def _summary(interview):
    vacancy = interview.application.vacancy
    lines = [
        _("기업: %(employer)s") % {"employer": vacancy.employer.name},
        _("채용 공고: %(title)s") % {"title": vacancy.title},
        _("일시: %(when)s (%(minutes)s분)")
        % {"when": when_text(interview.starts_at), "minutes": interview.duration_minutes},
        (_("장소: %(place)s") % {"place": interview.place})
        if interview.mode == Interview.Mode.IN_PERSON
        else (_("온라인 면접 주소: %(link)s") % {"link": interview.online_link}),
        _("담당자: %(name)s (%(phone)s)")
        % {"name": interview.contact_name, "phone": interview.contact_phone},
    ]
    if interview.what_to_bring:
        lines.append(_("준비물: %(items)s") % {"items": interview.what_to_bring})
    if interview.note:
        lines.append(_("안내 사항: %(note)s") % {"note": interview.note})
    if interview.resident_message:
        lines.append(_("구직자의 말: %(message)s") % {"message": interview.resident_message})
    return "\n".join(lines)


def _mail_both(interview, *, kind, headline):
    """The resident and each of the employer's users get the step and the calendar file."""
    application = interview.application
    vacancy = application.vacancy
    subject = f"{headline}: {vacancy.employer.name} · {vacancy.title}"
    body = (
        _("%(headline)s (현재 상태: %(status)s)")
        % {"headline": headline, "status": interview.get_status_display()}
        + "\n\n"
        + _summary(interview)
        + "\n\n"
        + _(
            "첨부한 일정 파일(.ics)을 열면 달력에 넣을 수 있습니다. 포털의 면접 화면에서도 확인할 수 있습니다."
        )
    )
    attachment = ics_attachment(interview)
    notify(user=application.resident.user, kind=kind, subject=subject, body=body, attachments=[attachment])
    for user in vacancy.employer.users.filter(is_active=True):
        notify(user=user, kind=kind, subject=subject, body=body, attachments=[attachment])


def _record_change(interview, actor, note=""):
    InterviewChange.objects.create(
        interview=interview, status=interview.status, starts_at=interview.starts_at, actor=actor, note=note
    )


def _check_details(details, *, now):
    errors = {}
    starts_at = details.get("starts_at")
    if starts_at is None:
        errors["starts_at"] = _("면접 일시를 입력해 주세요.")
    elif starts_at <= now:
        errors["starts_at"] = _("면접 일시는 지금보다 뒤여야 합니다.")
    mode = details.get("mode") or Interview.Mode.IN_PERSON
    if mode == Interview.Mode.IN_PERSON and not (details.get("place") or "").strip():
        errors["place"] = _("방문 면접은 장소를 적어 주세요.")
    if mode == Interview.Mode.ONLINE and not (details.get("online_link") or "").strip():
        errors["online_link"] = _("온라인 면접은 접속 주소를 적어 주세요.")
    if not (details.get("contact_name") or "").strip():
        errors["contact_name"] = _("담당자 이름을 적어 주세요.")
    if not (details.get("contact_phone") or "").strip():
        errors["contact_phone"] = _("담당자 연락처를 적어 주세요.")
    minutes = details.get("duration_minutes") or 30
    if not 10 <= minutes <= 480:
        errors["duration_minutes"] = _("소요 시간은 10분에서 480분 사이로 적어 주세요.")
    if errors:
        raise ValidationError(errors)


def _apply_details(interview, details):
    for field in DETAIL_FIELDS:
        if field in details:
            setattr(interview, field, details[field] if details[field] is not None else "")
    interview.duration_minutes = interview.duration_minutes or 30
    if interview.mode == Interview.Mode.IN_PERSON:
        interview.online_link = ""


@transaction.atomic
def propose_interview(*, application, by, **details):
    """The application's employer proposes an interview; the application moves to '면접'."""
    application = (
        JobApplication.objects.select_for_update(of=("self",))
        .select_related("vacancy__employer", "resident__user")
        .get(pk=application.pk)
    )
    if not is_applications_employer(by, application):
        raise ValidationError(_("이 지원을 받은 기업의 담당자만 면접을 제안할 수 있습니다."))
    if application.status not in INTERVIEWABLE:
        raise ValidationError(
            _("'%(status)s' 상태의 지원에는 면접을 제안할 수 없습니다.")
            % {"status": application.get_status_display()}
        )
    if application.interviews.filter(status__in=Interview.ACTIVE).exists():
        raise ValidationError(_("진행 중인 면접 일정이 있습니다. 그 일정을 바꾸거나 취소해 주세요."))
    now = timezone.now()
    _check_details(details, now=now)
    interview = Interview(application=application, proposed_by=by, created_at=now, updated_at=now)
    _apply_details(interview, details)
    interview.full_clean()
    interview.save()
    _record_change(interview, by)
    if application.status != ApplicationStatus.INTERVIEW:
        move_job_application(
            application=application,
            status=ApplicationStatus.INTERVIEW,
            by=by,
            note=_("면접 일정 제안: %(when)s") % {"when": when_text(interview.starts_at)},
            tell_resident=False,  # the interview mail below says more, with the calendar file
        )
    _mail_both(interview, kind=MailKind.INTERVIEW_SCHEDULE, headline=_("면접 일정을 제안했습니다"))
    return interview


def _locked(interview):
    return (
        Interview.objects.select_for_update(of=("self",))
        .select_related("application__vacancy__employer", "application__resident__user")
        .get(pk=interview.pk)
    )


@transaction.atomic
def repropose_interview(*, interview, by, **details):
    """The employer gives a new time or place (after a change request, or of its own accord)."""
    interview = _locked(interview)
    if not is_applications_employer(by, interview.application):
        raise ValidationError(_("이 지원을 받은 기업의 담당자만 면접 일정을 바꿀 수 있습니다."))
    if not interview.is_active:
        raise ValidationError(_("끝나거나 취소된 면접의 일정은 바꿀 수 없습니다. 새 면접을 제안해 주세요."))
    merged = {field: getattr(interview, field) for field in DETAIL_FIELDS} | details
    _check_details(merged, now=timezone.now())
    _apply_details(interview, merged)
    interview.status = Status.PROPOSED
    interview.sequence += 1
    interview.responded_at = None
    interview.resident_message = ""
    interview.updated_at = timezone.now()
    interview.full_clean()
    interview.save()
    _record_change(interview, by, _("새 일정을 제안했습니다."))
    _mail_both(interview, kind=MailKind.INTERVIEW_SCHEDULE, headline=_("면접 일정이 바뀌었습니다"))
    return interview


RESPONSES = {
    Status.CONFIRMED: _("면접 참석을 확정했습니다"),
    Status.DECLINED: _("면접에 참석하지 않기로 했습니다"),
    Status.RESCHEDULE_REQUESTED: _("면접 일정 변경을 요청했습니다"),
}


@transaction.atomic
def respond_to_interview(*, interview, by, answer, message=""):
    """The applicant confirms, declines or asks for another time (saying which times suit them)."""
    interview = _locked(interview)
    answer = Status(answer) if answer in Status.values else None
    if answer not in RESPONSES:
        raise ValidationError({"answer": _("참석, 거절, 일정 변경 요청 가운데 하나를 골라 주세요.")})
    if not is_applicant(by, interview.application):
        raise ValidationError(_("면접 대상자 본인만 응답할 수 있습니다."))
    allowed = {Status.PROPOSED} if answer == Status.CONFIRMED else {Status.PROPOSED, Status.CONFIRMED}
    if interview.status not in allowed:
        raise ValidationError(
            _("'%(status)s' 상태의 면접에는 이렇게 응답할 수 없습니다.")
            % {"status": interview.get_status_display()}
        )
    if interview.starts_at <= timezone.now():
        raise ValidationError(_("이미 지난 면접 일정입니다."))
    message = (message or "").strip()
    if answer == Status.RESCHEDULE_REQUESTED and not message:
        raise ValidationError({"message": _("가능한 날짜와 시간을 적어 주세요.")})
    if len(message) > 2000:
        raise ValidationError({"message": _("2,000자 안으로 적어 주세요.")})
    interview.status = answer
    interview.resident_message = message
    interview.responded_at = interview.updated_at = timezone.now()
    if answer == Status.DECLINED:
        interview.sequence += 1  # the calendar's CANCEL must outrank the REQUEST it replaces
    interview.save()
    _record_change(interview, by, message)
    _mail_both(interview, kind=MailKind.INTERVIEW_RESPONSE, headline=RESPONSES[answer])
    return interview


@transaction.atomic
def cancel_interview(*, interview, by, reason=""):
    """The employer calls the interview off; both calendars get a cancellation."""
    interview = _locked(interview)
    if not is_applications_employer(by, interview.application):
        raise ValidationError(_("이 지원을 받은 기업의 담당자만 면접을 취소할 수 있습니다."))
    if not interview.is_active:
        raise ValidationError(_("진행 중인 면접만 취소할 수 있습니다."))
    interview.status = Status.CANCELLED
    interview.sequence += 1
    interview.updated_at = timezone.now()
    interview.save()
    _record_change(interview, by, reason)
    _mail_both(interview, kind=MailKind.INTERVIEW_SCHEDULE, headline=_("면접이 취소되었습니다"))
    return interview


@transaction.atomic
def record_interview_outcome(*, interview, by, attended):
    """After the time, the employer (or staff) records whether the applicant came."""
    interview = _locked(interview)
    if not (is_applications_employer(by, interview.application) or by.is_district_staff):
        raise ValidationError(_("이 지원을 받은 기업의 담당자만 면접 결과를 적을 수 있습니다."))
    if interview.status != Status.CONFIRMED:
        raise ValidationError(_("참석이 확정된 면접만 참석 여부를 적을 수 있습니다."))
    if interview.starts_at > timezone.now():
        raise ValidationError(_("면접 시간이 지난 뒤에 참석 여부를 적어 주세요."))
    interview.status = Status.COMPLETED if attended else Status.NO_SHOW
    interview.updated_at = timezone.now()
    interview.save()
    _record_change(interview, by)
    return interview


def send_due_reminders(*, now=None):
    """Mail both sides of each confirmed interview starting within the next 24 hours, once per
    interview and time: the row is locked and marked in the same transaction as the mail is queued."""
    now = now or timezone.now()
    sent = 0
    due = Interview.objects.filter(
        status=Status.CONFIRMED, starts_at__gt=now, starts_at__lte=now + REMINDER_WINDOW
    ).exclude(reminder_sent_for=F("starts_at"))
    for interview_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            interview = (
                Interview.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("application__vacancy__employer", "application__resident__user")
                .filter(pk=interview_id, status=Status.CONFIRMED)
                .first()
            )
            if interview is None or interview.reminder_sent_for == interview.starts_at:
                continue
            interview.reminder_sent_for = interview.starts_at
            interview.save(update_fields=["reminder_sent_for"])
            _mail_both(interview, kind=MailKind.INTERVIEW_REMINDER, headline=_("내일 면접이 있습니다"))
            sent += 1
    return sent


# ---- Job fairs and walk-in interviews ----


def booked_count(slot):
    return slot.bookings.filter(status=Booking.Status.BOOKED).count()


@transaction.atomic
def book_slot(*, slot, resident):
    """A resident takes a place in a slot: the slot's row is locked, so two residents never get
    the last place; one booking per resident and event."""
    slot = TimeSlot.objects.select_for_update(of=("self",)).select_related("event").get(pk=slot.pk)
    if not slot.event.is_published:
        raise ValidationError(_("예약을 받지 않는 행사입니다."))
    if slot.starts_at <= timezone.now():
        raise ValidationError(_("이미 시작했거나 지난 시간대는 예약할 수 없습니다."))
    if resident.anonymised_at or resident.deletion_requested_at:
        raise ValidationError(_("탈퇴를 요청한 계정으로는 예약할 수 없습니다."))
    if Booking.objects.filter(event=slot.event, resident=resident, status=Booking.Status.BOOKED).exists():
        raise ValidationError(
            _("이 행사에 이미 예약했습니다. 시간을 바꾸려면 예약을 취소하고 다시 예약해 주세요.")
        )
    if booked_count(slot) >= slot.capacity:
        raise ValidationError(_("이 시간대는 정원이 찼습니다. 다른 시간대를 골라 주세요."))
    booking = Booking.objects.create(slot=slot, event=slot.event, resident=resident)
    _mail_booking(
        booking,
        subject=_("예약했습니다: %(title)s"),
        body=_("%(title)s (%(place)s) %(when)s 시간대에 예약했습니다. 신분증을 가지고 오세요."),
    )
    return booking


def _mail_booking(booking, *, subject, body):
    """The resident's mail about their booking, with its calendar file (.ics)."""
    slot, event = booking.slot, booking.event
    facts = {"title": event.title, "place": event.place, "when": when_text(slot.starts_at)}
    notify(
        user=booking.resident.user,
        kind=MailKind.EVENT_BOOKING,
        subject=subject % facts,
        body=body % facts + "\n\n" + _("첨부한 일정 파일(.ics)을 열면 달력에 넣거나 뺄 수 있습니다."),
        attachments=[booking_attachment(booking)],
    )


@transaction.atomic
def cancel_booking(*, booking, by):
    """The resident (or staff) cancels a booking before its slot starts; the place is free again."""
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("slot", "event", "resident__user")
        .get(pk=booking.pk)
    )
    if not (by.is_district_staff or booking.resident.user_id == by.pk):
        raise ValidationError(_("본인의 예약만 취소할 수 있습니다."))
    if booking.status != Booking.Status.BOOKED:
        raise ValidationError(_("이미 취소한 예약입니다."))
    if booking.slot.starts_at <= timezone.now() and not by.is_district_staff:
        raise ValidationError(_("시작한 시간대의 예약은 취소할 수 없습니다. 일자리지원과에 연락해 주세요."))
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["status", "cancelled_at"])
    _mail_booking(
        booking,
        subject=_("예약을 취소했습니다: %(title)s"),
        body=_(
            "%(title)s (%(place)s) %(when)s 시간대 예약을 취소했습니다. 다른 시간대는 포털에서 다시 예약할 수 있습니다."
        ),
    )
    return booking


def send_due_booking_reminders(*, now=None):
    """Mail each resident whose booked slot starts within the next 24 hours, once per booking and
    slot time: the row is locked and marked in the same transaction as the mail is queued."""
    now = now or timezone.now()
    sent = 0
    due = Booking.objects.filter(
        status=Booking.Status.BOOKED, slot__starts_at__gt=now, slot__starts_at__lte=now + REMINDER_WINDOW
    ).exclude(reminder_sent_for=F("slot__starts_at"))
    for booking_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("slot", "event", "resident__user")
                .filter(pk=booking_id, status=Booking.Status.BOOKED)
                .first()
            )
            if booking is None or booking.reminder_sent_for == booking.slot.starts_at:
                continue
            booking.reminder_sent_for = booking.slot.starts_at
            booking.save(update_fields=["reminder_sent_for"])
            _mail_booking(
                booking,
                subject=_("내일 채용 행사가 있습니다: %(title)s"),
                body=_(
                    "%(title)s (%(place)s) %(when)s 시간대에 예약하셨습니다. 신분증과 이력서를 가지고 오세요."
                ),
            )
            sent += 1
    return sent


@transaction.atomic
def record_booking_outcome(*, booking, by, attendance, interview_result="", vacancy=None, note=""):
    """Staff record on the day: came or not, the interview's result and the vacancy it was for."""
    booking = Booking.objects.select_for_update(of=("self",)).select_related("event").get(pk=booking.pk)
    if not by.is_district_staff:
        raise ValidationError(_("일자리지원과 직원만 행사 결과를 적을 수 있습니다."))
    if booking.status != Booking.Status.BOOKED:
        raise ValidationError(_("취소된 예약에는 결과를 적을 수 없습니다."))
    if attendance == Booking.Attendance.ABSENT and interview_result:
        raise ValidationError({"interview_result": _("불참한 사람에게는 면접 결과를 적을 수 없습니다.")})
    if vacancy is not None and not booking.event.vacancies.filter(pk=vacancy.pk).exists():
        raise ValidationError({"vacancy": _("이 행사에 참여한 공고를 골라 주세요.")})
    booking.attendance = attendance
    booking.interview_result = interview_result or ""
    booking.vacancy = vacancy
    booking.outcome_note = note
    booking.save(update_fields=["attendance", "interview_result", "vacancy", "outcome_note"])
    return booking


@transaction.atomic
def hire_from_booking(*, booking, by, started_on=None, monthly_wage=None):
    """A pass at the event becomes a hire: the resident's application to the vacancy (a staff
    referral if there was none) is moved to '채용' through placements, which records the placement."""
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("vacancy", "resident")
        .get(pk=booking.pk)
    )
    if not by.is_district_staff:
        raise ValidationError(_("일자리지원과 직원만 채용을 연계할 수 있습니다."))
    if booking.placement_id:
        raise ValidationError(_("이미 채용을 연계한 예약입니다."))
    if booking.attendance != Booking.Attendance.ATTENDED or booking.interview_result != Booking.Result.PASSED:
        raise ValidationError(_("참석해서 합격한 예약만 채용으로 연계할 수 있습니다."))
    if booking.vacancy is None:
        raise ValidationError({"vacancy": _("면접 본 공고를 먼저 골라 주세요.")})
    application = JobApplication.objects.filter(resident=booking.resident, vacancy=booking.vacancy).first()
    if application is None:
        application = refer_resident(resident=booking.resident, vacancy=booking.vacancy, by=by)
    application = confirm_hire(
        application=application,
        by=by,
        started_on=started_on or timezone.localdate(),
        monthly_wage=monthly_wage or booking.vacancy.monthly_wage,
    )
    booking.placement = application.placement
    booking.save(update_fields=["placement"])
    return booking
