"""The messages on a resident's applications under PIPA: in their own data download (right of
access, residents.data_export) and erased on anonymisation (residents.anonymisation); both
registered from ConversationsConfig.ready."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from residents.data_export import _record


def message_records(resident):
    from conversations.models import Message, Thread

    records = []
    threads = Thread.objects.filter(application__resident=resident).select_related("application__vacancy")
    for thread in threads.order_by("created_at", "id"):
        records.append(
            {
                _("기록"): str(Thread._meta.verbose_name),
                _("채용 공고"): thread.application.vacancy.title,
                **_record(thread, ["created_at", "help_requested_at", "help_note", "help_closed_at"]),
            }
        )
    messages = Message.objects.filter(thread__application__resident=resident)
    for message in messages.order_by("sent_at", "id"):
        records.append(
            {_("기록"): str(Message._meta.verbose_name), **_record(message, ["side", "sent_at", "body"])}
        )
    return records


def register():
    from residents.data_export import register_section

    register_section(
        key="conversations",
        title=gettext_lazy("지원 메시지"),
        models=["conversations.Thread", "conversations.Message"],
        builder=message_records,
    )


def anonymise(*, resident):
    """Anonymising a resident removes the text of every message on their applications, both sides'
    (an employer's reply can quote or name them); the thread's dates stay."""
    from conversations.models import Message, Thread

    Message.objects.filter(thread__application__resident=resident).update(body=ERASED)
    Thread.objects.filter(application__resident=resident).update(help_note="")


ERASED = "(삭제됨)"
