"""Messages on an application: who may write and read, the mail to the other side, help from staff."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from conversations.models import Message, Thread
from notifications.kinds import MailKind
from notifications.services import notify
from placements.models import JobApplication


def side_of(user, application):
    """Which side of the application a user is on (resident, employer, staff), or None."""
    if not (user and user.is_authenticated):
        return None
    if application.resident.user_id == user.pk:
        return Message.Side.RESIDENT
    if (
        user.is_employer_user
        and user.employer_id == application.vacancy.employer_id
        and application.resident.has_provision_consent
        and application.resident.anonymised_at is None
    ):
        return Message.Side.EMPLOYER
    if user.is_district_staff:
        return Message.Side.STAFF
    return None


def staff_may_read(thread):
    """District staff (superusers included) read a thread only while one side asks for help."""
    return thread is not None and thread.help_open


def may_read(user, application, thread):
    side = side_of(user, application)
    if side == Message.Side.STAFF:
        return staff_may_read(thread)
    return side is not None


def _thread_for(application):
    thread, _created = Thread.objects.select_for_update().get_or_create(application=application)
    return thread


def _recipients(application, side):
    """Everyone on the thread but the sender's side (staff write to both)."""
    users = []
    if side != Message.Side.RESIDENT:
        users.append(application.resident.user)
    if side != Message.Side.EMPLOYER and application.resident.has_provision_consent:
        users.extend(application.vacancy.employer.users.filter(is_active=True))
    return [user for user in users if user is not None]


@transaction.atomic
def send_message(*, application, by, body):
    """Post a text message on the application's thread and mail the other side."""
    application = JobApplication.objects.select_related("vacancy__employer", "resident__user").get(
        pk=application.pk
    )
    side = side_of(by, application)
    thread = _thread_for(application)
    if side is None or (side == Message.Side.STAFF and not staff_may_read(thread)):
        raise ValidationError(_("이 지원의 구직자와 기업 담당자만 메시지를 보낼 수 있습니다."))
    if application.resident.anonymised_at or application.resident.deletion_requested_at:
        raise ValidationError(_("탈퇴를 요청한 구직자와는 메시지를 주고받을 수 없습니다."))
    body = (body or "").strip()
    limit = settings.APPLICATION_MESSAGE_MAX_LENGTH
    if not body:
        raise ValidationError({"body": _("보낼 내용을 적어 주세요.")})
    if len(body) > limit:
        raise ValidationError(
            {"body": _("메시지는 %(limit)s자까지 보낼 수 있습니다.") % {"limit": f"{limit:,}"}}
        )
    now = timezone.now()
    message = Message.objects.create(thread=thread, author=by, side=side, body=body, sent_at=now)
    thread.last_message_at = now
    thread.save(update_fields=["last_message_at"])
    vacancy = application.vacancy
    for user in _recipients(application, side):
        notify(
            user=user,
            kind=MailKind.APPLICATION_MESSAGE,
            subject=_("새 메시지: %(title)s") % {"title": vacancy.title},
            # The mail says a message came, not what it says: the text stays in the portal.
            body=_(
                "'%(employer)s · %(title)s' 지원에 %(side)s의 새 메시지가 있습니다. 포털에 로그인해 확인해 주세요."
            )
            % {"employer": vacancy.employer.name, "title": vacancy.title, "side": Message.Side(side).label},
        )
    return message


@transaction.atomic
def request_help(*, application, by, note=""):
    """Either side asks district staff to look at the thread (도움 요청); from now staff may read it."""
    application = JobApplication.objects.select_related("vacancy__employer", "resident__user").get(
        pk=application.pk
    )
    side = side_of(by, application)
    if side not in (Message.Side.RESIDENT, Message.Side.EMPLOYER):
        raise ValidationError(_("이 지원의 구직자와 기업 담당자만 도움을 요청할 수 있습니다."))
    thread = _thread_for(application)
    if thread.help_open:
        raise ValidationError(_("이미 도움을 요청했습니다. 일자리지원과가 확인하고 있습니다."))
    thread.help_requested_at = timezone.now()
    thread.help_requested_by = by
    thread.help_note = (note or "").strip()[:500]
    thread.help_closed_at = None
    thread.save(update_fields=["help_requested_at", "help_requested_by", "help_note", "help_closed_at"])
    return thread


@transaction.atomic
def close_help(*, thread, by):
    """Staff finish helping; the thread is private to the two sides again."""
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    if not by.is_district_staff:
        raise ValidationError(_("일자리지원과 직원만 도움 요청을 마칠 수 있습니다."))
    if not thread.help_open:
        raise ValidationError(_("진행 중인 도움 요청이 없습니다."))
    thread.help_closed_at = timezone.now()
    thread.save(update_fields=["help_closed_at"])
    return thread
