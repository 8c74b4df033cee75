"""A resident's interviews and event bookings under PIPA: in their own data download (right of
access, residents.data_export) and erased free text on anonymisation (residents.anonymisation);
both registered from InterviewsConfig.ready."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from residents.data_export import _record


def interview_records(resident):
    from interviews.models import Booking, Interview, InterviewChange

    records = []
    interviews = Interview.objects.filter(application__resident=resident).select_related(
        "application__vacancy"
    )
    for interview in interviews.order_by("created_at", "id"):
        records.append(
            {
                _("기록"): str(Interview._meta.verbose_name),
                _("채용 공고"): interview.application.vacancy.title,
                **_record(
                    interview,
                    [
                        "status",
                        "starts_at",
                        "duration_minutes",
                        "mode",
                        "place",
                        "online_link",
                        "contact_name",
                        "contact_phone",
                        "what_to_bring",
                        "note",
                        "resident_message",
                        "responded_at",
                    ],
                ),  # fmt: skip
            }
        )
    changes = InterviewChange.objects.filter(interview__application__resident=resident)
    for change in changes.order_by("occurred_at", "id"):
        records.append(
            {
                _("기록"): str(InterviewChange._meta.verbose_name),
                **_record(change, ["status", "starts_at", "occurred_at", "note"]),
            }
        )
    bookings = Booking.objects.filter(resident=resident).select_related("event", "slot")
    for booking in bookings.order_by("booked_at", "id"):
        records.append(
            {
                _("기록"): str(Booking._meta.verbose_name),
                _("행사명"): booking.event.title,
                **_record(
                    booking, ["slot", "status", "booked_at", "cancelled_at", "attendance", "interview_result"]
                ),
            }
        )
    return records


def register():
    from residents.data_export import register_section

    register_section(
        key="interviews",
        title=gettext_lazy("면접·채용 행사"),
        models=["interviews.Interview", "interviews.InterviewChange", "interviews.Booking"],
        builder=interview_records,
    )


def anonymise(*, resident):
    """Anonymising a resident clears what they wrote in answers; times and statuses stay."""
    from interviews.models import Interview, InterviewChange

    Interview.objects.filter(application__resident=resident).update(resident_message="")
    InterviewChange.objects.filter(interview__application__resident=resident).update(note="")
