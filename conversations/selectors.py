from conversations.models import Message, Thread


def messages_of(thread):
    if thread is None:
        return Message.objects.none()
    return Message.objects.filter(thread=thread).select_related("author").order_by("sent_at", "id")


def thread_of(application):
    return Thread.objects.filter(application=application).first()


def threads_needing_help():
    return (
        Thread.objects.filter(help_requested_at__isnull=False, help_closed_at__isnull=True)
        .select_related("application__vacancy__employer", "application__resident")
        .order_by("help_requested_at", "id")
    )


def threads_of_resident(resident):
    return (
        Thread.objects.filter(application__resident=resident)
        .select_related("application__vacancy__employer")
        .order_by("-last_message_at", "-id")
    )
