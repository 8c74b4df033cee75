"""Telling people what happened to them: one mail per event, after the change is committed."""

from django.db import transaction

from notifications.kinds import MailKind


def wants_mail(user, kind):
    return bool(user and user.is_active and user.email) and kind not in (user.mail_opt_outs or [])


def notify(*, user, kind, subject, body, attachments=None):
    """Queue a mail to a user unless they turned this kind off. Sent after the transaction commits.

    attachments: text files as dicts {"filename", "content", "mimetype"} (a calendar .ics, say);
    they travel through the broker as JSON, so only text."""
    kind = MailKind(kind)
    if not wants_mail(user, kind):
        return False
    from guro_jobs.tasks_util import enqueue
    from notifications.tasks import send_mail_task

    # enqueue, not .delay(): with the broker down the change is already saved, so the page must
    # still answer (the mail is logged as not queued) instead of failing after the commit.
    extra = {"attachments": [dict(attachment) for attachment in attachments]} if attachments else {}
    transaction.on_commit(
        lambda: enqueue(
            send_mail_task, user_id=user.pk, kind=kind.value, subject=str(subject), body=str(body), **extra
        )
    )
    return True


def set_mail_opt_outs(*, user, wanted_kinds):
    """Keep only the kinds of mail a person still wants; every other kind is turned off."""
    wanted = {MailKind(kind) for kind in wanted_kinds}
    user.mail_opt_outs = [kind.value for kind in MailKind if kind not in wanted]
    user.save(update_fields=["mail_opt_outs"])
    return user
