"""The casework records about a resident, for their own personal-data download (PIPA right of
access). Registered with residents.data_export from CaseworkConfig.ready, so residents never
imports casework. Staff accounts that wrote or handled a record are the staff's own data and are
left out; the counsellor and team a resident is assigned to are shown, as the resident is told them."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from residents.data_export import _record


def casework_records(resident):
    """One list of records: assignment, notes, follow-ups, referrals, jobs after training, training."""
    from casework.models import CaseAssignment, CaseNote, FollowingJob, FollowUpTask, HireTraining, Referral

    records = []
    assignment = CaseAssignment.objects.filter(resident=resident).select_related("counsellor", "team").first()
    if assignment:
        counsellor = assignment.counsellor
        records.append(
            {
                _("기록"): str(CaseAssignment._meta.verbose_name),
                _("담당 상담사"): (counsellor.get_full_name() or counsellor.get_username())
                if counsellor
                else "",
                **_record(assignment, ["team", "assigned_at"]),
            }
        )
    for note in CaseNote.objects.filter(resident=resident).order_by("written_at", "id"):
        records.append(
            {_("기록"): str(CaseNote._meta.verbose_name), **_record(note, ["template", "written_at", "body"])}
        )
    for task in FollowUpTask.objects.filter(resident=resident).order_by("due_on", "id"):
        records.append(
            {_("기록"): str(FollowUpTask._meta.verbose_name), **_record(task, ["title", "due_on", "done_at"])}
        )
    referrals = Referral.objects.filter(resident=resident).select_related(
        "to_team", "to_program", "to_employer"
    )
    for referral in referrals.order_by("created_at", "id"):
        records.append(
            {
                _("기록"): str(Referral._meta.verbose_name),
                **_record(
                    referral,
                    [
                        "to_team",
                        "to_program",
                        "to_employer",
                        "reason",
                        "status",
                        "created_at",
                        "responded_at",
                    ],
                ),
            }
        )
    following = FollowingJob.objects.filter(program_application__resident=resident).select_related(
        "program_application__program", "placement__employer"
    )
    for link in following.order_by("recorded_at", "id"):
        records.append(
            {
                _("기록"): str(FollowingJob._meta.verbose_name),
                **_record(link, ["program_application", "placement"]),
            }
        )
    trainings = HireTraining.objects.filter(placement__resident=resident).select_related(
        "placement__employer"
    )
    for training in trainings.order_by("completed_on", "id"):
        records.append(
            {
                _("기록"): str(HireTraining._meta.verbose_name),
                **_record(training, ["placement", "kind", "hours", "completed_on"]),
            }
        )
    return records


def register():
    from residents.data_export import register_section

    register_section(
        key="casework",
        title=gettext_lazy("상담·사례 관리 기록"),
        models=[
            "casework.CaseAssignment",
            "casework.CaseNote",
            "casework.FollowUpTask",
            "casework.Referral",
            "casework.FollowingJob",
            "casework.HireTraining",
        ],
        builder=casework_records,
    )
