"""Writing casework: assignment, notes, follow-up tasks, referrals and their answers."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import CaseAssignment, CaseNote, FollowUpTask, Referral


def _require_staff(user):
    if user is None or not user.is_authenticated or not user.is_district_staff:
        raise PermissionDenied(_("일자리지원과 직원만 할 수 있습니다."))


@transaction.atomic
def assign_case(*, resident, by, counsellor=None, team=None):
    """Put a resident's case in a counsellor's and a team's hands (replacing the last assignment)."""
    _require_staff(by)
    assignment = CaseAssignment.objects.filter(resident=resident).first() or CaseAssignment(resident=resident)
    assignment.counsellor = counsellor
    assignment.team = team
    assignment.assigned_at = timezone.now()
    assignment.assigned_by = by
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def add_case_note(*, resident, template, body, by):
    """Record a case note; a template's untouched headings alone are not a note."""
    _require_staff(by)
    note = CaseNote(resident=resident, template=template, body=(body or "").strip(), author=by)
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def add_follow_up_task(*, resident, title, due_on, by, assignee=None):
    """A follow-up with a due date, for the given staff member (by default the one adding it)."""
    _require_staff(by)
    assignee = assignee or by
    if not assignee.is_district_staff:
        raise ValidationError({"assignee": _("담당 직원은 일자리지원과 직원이어야 합니다.")})
    task = FollowUpTask(
        resident=resident, title=(title or "").strip(), due_on=due_on, assignee=assignee, created_by=by
    )
    task.full_clean()
    task.save()
    return task


@transaction.atomic
def complete_follow_up_task(*, task, by):
    """Mark a follow-up done; doing it twice changes nothing."""
    _require_staff(by)
    task = FollowUpTask.objects.select_for_update().get(pk=task.pk)
    if task.done_at is None:
        task.done_at = timezone.now()
        task.done_by = by
        task.save(update_fields=["done_at", "done_by"])
    return task


@transaction.atomic
def refer_resident(
    *, resident, by, reason, to_team=None, to_counsellor=None, to_program=None, to_employer=None
):
    """Refer a resident to another team or counsellor, or to a program or a partner employer."""
    _require_staff(by)
    open_same = Referral.objects.filter(
        resident=resident,
        status=Referral.Status.MADE,
        to_team=to_team,
        to_counsellor=to_counsellor,
        to_program=to_program,
        to_employer=to_employer,
    )
    if open_same.exists():
        raise ValidationError(_("같은 곳에 보낸 의뢰가 아직 처리되지 않았습니다."))
    referral = Referral(
        resident=resident,
        referred_by=by,
        reason=(reason or "").strip(),
        to_team=to_team,
        to_counsellor=to_counsellor,
        to_program=to_program,
        to_employer=to_employer,
    )
    referral.full_clean()
    referral.save()
    return referral


def may_answer(referral, user):
    """The receiver answers: the counsellor named, a member of the team named, or — for a
    program or a partner employer — any staff member. The one who referred may not answer."""
    if user is None or not user.is_authenticated or not user.is_district_staff:
        return False
    if referral.referred_by_id == user.pk:
        return False
    if referral.to_counsellor_id:
        return referral.to_counsellor_id == user.pk
    if referral.to_team_id:
        return referral.to_team.members.filter(pk=user.pk).exists()
    return True


def _answer(referral, by, status, note):
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.status != Referral.Status.MADE:
        raise ValidationError(
            _("이미 '%(status)s' 처리된 의뢰입니다.") % {"status": referral.get_status_display()}
        )
    if not may_answer(referral, by):
        raise PermissionDenied(_("이 의뢰를 받은 직원만 수락하거나 반송할 수 있습니다."))
    referral.status = status
    referral.responded_at = timezone.now()
    referral.responded_by = by
    referral.response_note = (note or "").strip()
    referral.save(update_fields=["status", "responded_at", "responded_by", "response_note"])
    return referral


@transaction.atomic
def accept_referral(*, referral, by, note=""):
    """The receiver takes the referral; a referral to a team or counsellor moves the case to them."""
    referral = _answer(referral, by, Referral.Status.ACCEPTED, note)
    if referral.to_team_id or referral.to_counsellor_id:
        CaseAssignment.objects.update_or_create(
            resident=referral.resident,
            defaults={
                "counsellor": referral.to_counsellor or by,
                "team": referral.to_team,
                "assigned_at": referral.responded_at,
                "assigned_by": by,
            },
        )
    return referral


@transaction.atomic
def return_referral(*, referral, by, reason):
    """The receiver sends the referral back, saying why."""
    if not (reason or "").strip():
        raise ValidationError({"reason": _("반송 사유를 적어 주세요.")})
    return _answer(referral, by, Referral.Status.RETURNED, reason)


@transaction.atomic
def link_following_job(*, program_application, placement, by):
    """Record that a youth internship or training course led to this job (same person, a job
    that is not the program itself, starting after the program began)."""
    from casework.models import FollowingJob

    _require_staff(by)
    link = FollowingJob.objects.filter(program_application=program_application).first() or FollowingJob(
        program_application=program_application
    )
    link.placement = placement
    link.recorded_by = by
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def record_hire_training(*, placement, kind, completed_on, by, hours=None):
    """Record in-firm training after a hire, or customer-service training for hotel/store jobs."""
    from casework.models import HireTraining

    _require_staff(by)
    training = HireTraining(
        placement=placement, kind=kind, completed_on=completed_on, hours=hours, recorded_by=by
    )
    training.full_clean()
    training.save()
    return training
