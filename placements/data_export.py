"""What an application sent and what employers noted, in the resident's own download (PIPA right of
access). Registered with residents.data_export from PlacementsConfig.ready. An employer's private
note is listed by employer and date; its text is the employer's internal working note and is not
shown to the applicant (as on the portal's pages)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from residents.data_export import _record, when


def application_resume_records(resident):
    from placements.models import ApplicantNote, ApplicationResume

    records = []
    snapshots = ApplicationResume.objects.filter(application__resident=resident).select_related(
        "application__vacancy__employer"
    )
    for snapshot in snapshots.order_by("taken_at", "id"):
        vacancy = snapshot.application.vacancy
        records.append(
            {
                _("기록"): str(ApplicationResume._meta.verbose_name),
                _("채용 공고"): f"{vacancy.employer.name} · {vacancy.title}",
                _("이력서 제목"): snapshot.content.get("title", ""),
                **_record(snapshot, ["file_name", "taken_at"]),
            }
        )
    notes = ApplicantNote.objects.filter(application__resident=resident).select_related("employer")
    for note in notes.order_by("created_at", "id"):
        records.append(
            {
                _("기록"): str(ApplicantNote._meta.verbose_name),
                _("기업"): note.employer.name,
                _("작성 일시"): when(note.created_at),
            }
        )
    return records


def register():
    from residents.data_export import register_section

    register_section(
        key="application_resumes",
        title=gettext_lazy("지원할 때 보낸 이력서와 기업 메모"),
        models=["placements.ApplicationResume", "placements.ApplicantNote"],
        builder=application_resume_records,
    )
