"""Telling people what happened to them: one mail and/or one text message per event, after the
change is committed. Each person chooses the channel (User.notice_channel: mail, text or both)
and which kinds they get at all (User.mail_opt_outs, for either channel)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from guro_jobs.validators import normalize_phone
from notifications import sms
from notifications.kinds import Channel, MailKind

TEXT_PREFIX = "[구로 일자리] "


def channel_of(user):
    return getattr(user, "notice_channel", "") or Channel.EMAIL


def _wants_kind(user, kind):
    return bool(user and user.is_active) and kind not in (user.mail_opt_outs or [])


def wants_text(user, kind):
    """A text when the person chose text (or both), has a mobile number and wants this kind."""
    return (
        _wants_kind(user, kind)
        and channel_of(user) in (Channel.TEXT, Channel.BOTH)
        and bool(sms.phone_number_of(user))
    )


def wants_mail(user, kind):
    """A mail when the person chose mail (or both), or chose text only but has no number to text."""
    if not (_wants_kind(user, kind) and user.email):
        return False
    return channel_of(user) != Channel.TEXT or not sms.phone_number_of(user)


def notice_text(subject, body):
    """The text of a notice: the subject alone when it fits an SMS (90 bytes in EUC-KR), else an
    LMS with the subject and the mail's body."""
    short = f"{TEXT_PREFIX}{subject}"
    if sms.euc_kr_length(short) <= sms.SMS_MAX_BYTES:
        return short, ""
    return f"{short}\n\n{body}", str(subject)


def notify(*, user, kind, subject, body, attachments=None):
    """Queue a mail and/or a text to a user unless they turned this kind off. Sent after the
    transaction commits. Returns whether anything was queued.

    attachments: text files as dicts {"filename", "content", "mimetype"} (a calendar .ics, say) for
    the mail; they travel through the broker as JSON, so only text."""
    kind = MailKind(kind)
    by_mail, by_text = wants_mail(user, kind), wants_text(user, kind)
    if not (by_mail or by_text):
        return False
    from guro_jobs.tasks_util import enqueue
    from notifications.tasks import send_mail_task, send_text_task

    # enqueue, not .delay(): with the broker down the change is already saved, so the page must
    # still answer (the mail is logged as not queued) instead of failing after the commit.
    if by_mail:
        extra = {"attachments": [dict(attachment) for attachment in attachments]} if attachments else {}
        transaction.on_commit(
            lambda: enqueue(
                send_mail_task,
                user_id=user.pk,
                kind=kind.value,
                subject=str(subject),
                body=str(body),
                **extra,
            )
        )
    if by_text:
        text, title = notice_text(str(subject), str(body))
        transaction.on_commit(
            lambda: enqueue(send_text_task, user_id=user.pk, kind=kind.value, body=text, title=title)
        )
    return True


def send_account_mail(*, user, subject, body):
    """Mail about the account itself (a password reset link): not a notice, so no opt-out."""
    if not (user and user.is_active and user.email):
        return False
    from guro_jobs.tasks_util import enqueue
    from notifications.tasks import send_mail_task

    transaction.on_commit(
        lambda: enqueue(send_mail_task, user_id=user.pk, kind="account", subject=str(subject), body=str(body))
    )
    return True


def send_code_text(*, phone, body):
    """A text to a number (a password reset code), queued after the commit on the mail queue."""
    from guro_jobs.tasks_util import enqueue
    from notifications.tasks import send_text_task

    transaction.on_commit(lambda: enqueue(send_text_task, phone=phone, body=str(body)))
    return True


def set_mail_opt_outs(*, user, wanted_kinds):
    """Keep only the kinds of mail a person still wants; every other kind is turned off."""
    wanted = {MailKind(kind) for kind in wanted_kinds}
    user.mail_opt_outs = [kind.value for kind in MailKind if kind not in wanted]
    user.save(update_fields=["mail_opt_outs"])
    return user


@transaction.atomic
def set_notice_channel(*, user, channel, phone=None):
    """Choose mail, text or both; `phone` (for accounts without a resident's record) is the mobile
    number texts go to once confirmed (until then, mail). Text needs a number."""
    channel = Channel(channel)
    fields = ["notice_channel"]
    if phone is not None:
        phone = phone.strip()
        if phone:
            try:
                phone = normalize_phone(phone)
            except ValidationError as error:
                raise ValidationError({"phone": error.messages})
        if phone != user.phone:  # a new number is texted only once confirmed again
            user.phone_confirmed_at = None
            fields.append("phone_confirmed_at")
        user.phone = phone
        fields.append("phone")
    user.notice_channel = channel.value
    if channel != Channel.EMAIL and not (sms.phone_number_of(user) or user.phone):
        raise ValidationError({"phone": _("문자로 받으려면 휴대전화 번호를 적어 주세요.")})
    user.save(update_fields=fields)
    return user
