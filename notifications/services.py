"""Telling people what happened to them: one mail per event, after the change is committed."""

from django.db import transaction

from notifications.kinds import MailKind


def wants_mail(user, kind):
    return bool(user and user.is_active and user.email) and kind not in (user.mail_opt_outs or [])


def notify(*, user, kind, subject, body):
    """Queue a mail to a user unless they turned this kind off. Sent after the transaction commits."""
    kind = MailKind(kind)
    if not wants_mail(user, kind):
        return False
    from notifications.tasks import send_mail_task

    transaction.on_commit(
        lambda: send_mail_task.delay(user_id=user.pk, kind=kind.value, subject=str(subject), body=str(body))
    )
    return True
