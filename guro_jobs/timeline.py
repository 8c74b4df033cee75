"""One timeline for every kind of application: the status changes of a job application
(placements.JobApplicationEvent) and of a program application (programs.ProgramApplicationEvent)
share one abstract model, are written with `record_event` and read with `timeline_of`.

It lives here, at the bottom of the layers, so that programs and placements (programs is below
placements) can both build on it without importing each other. A concrete event model declares its
own `application` foreign key (with related_name="events") and its `status` choices."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimelineQuerySet(models.QuerySet):
    def in_order(self):
        """Oldest first; events recorded in the same instant keep the order they were written in."""
        return self.order_by("occurred_at", "id")

    def of_resident(self, resident):
        return self.filter(application__resident=resident)


class TimelineEvent(models.Model):
    """One status change of an application: which status, when, by whom, and why."""

    # The name of the concrete model's free-text field. Job-application events call it "note" (the
    # employer's or staff's memo), program-application events "reason" (the decision's reason); the
    # columns keep their names so no data moves.
    REASON_FIELD = "reason"

    occurred_at = models.DateTimeField(_("일시"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("처리자"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = TimelineQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["occurred_at", "id"]

    def __str__(self):
        return f"{self.application_id}: {self.get_status_display()}"

    @property
    def explanation(self):
        """The event's free text, whatever the concrete model calls it."""
        return getattr(self, self.REASON_FIELD)


# Fields sort by when they were created, and these were created before any concrete event model's
# own (this module is imported first). Numbering them after every other field keeps each event
# table's columns in the order the tables were built with (application, status, text, occurred_at,
# actor), so whatever reads fields in order (the admin, exports, the demo's digest) reads as before.
for _order, _field in enumerate(TimelineEvent._meta.local_fields):
    _field.creation_counter = 10**9 + _order
del _order, _field
TimelineEvent._meta._expire_cache()


def record_event(application, *, status, actor=None, reason=""):
    """Write one status change into an application's timeline (the caller holds the transaction)."""
    model = application.events.model
    return model.objects.create(
        application=application, status=status, actor=actor, **{model.REASON_FIELD: str(reason)}
    )


def timeline_of(application):
    """An application's events, oldest first; a prefetched timeline (see `timeline_prefetch`) is
    used as it is, so a list of applications costs one query for all their timelines."""
    return application.events.all()


def timeline_prefetch(event_model, lookup="events"):
    """The Prefetch that loads the timelines of many applications at once, oldest event first."""
    return Prefetch(lookup, queryset=event_model.objects.in_order())
