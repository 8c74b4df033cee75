"""Writing program applications: applying, withdrawing and moving them through their statuses."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.kinds import MailKind
from notifications.services import notify
from programs.eligibility import check_eligibility
from programs.models import ProgramApplication, ProgramApplicationEvent

Status = ProgramApplication.Status


def is_accepting_applications(program, on_day=None):
    on_day = on_day or timezone.localdate()
    if not program.is_published:
        return False
    if program.applications_open_on and on_day < program.applications_open_on:
        return False
    if program.applications_close_on and on_day > program.applications_close_on:
        return False
    return True


def _record(application, status, reason, actor):
    ProgramApplicationEvent.objects.create(application=application, status=status, reason=reason, actor=actor)


@transaction.atomic
def apply_to_program(*, resident, program, by=None):
    """A resident applies; eligibility is checked at once and its explanation kept as the reason."""
    if not is_accepting_applications(program):
        raise ValidationError(_("지금은 이 사업의 신청을 받지 않습니다."))
    if resident.anonymised_at or resident.deletion_requested_at:
        raise ValidationError(_("탈퇴를 요청한 계정으로는 신청할 수 없습니다."))
    existing = ProgramApplication.objects.filter(resident=resident, program=program).first()
    if existing and existing.status != Status.WITHDRAWN:
        raise ValidationError(_("이미 이 사업에 신청했습니다."))
    result = check_eligibility(program=program, resident=resident)
    status = Status.ELIGIBLE if result.eligible else Status.INELIGIBLE
    now = timezone.now()
    if existing:  # re-applying after withdrawing
        application = existing
        application.status = status
        application.applied_at = now
        application.decision_reason = result.summary()
        application.decided_at = now
        application.save()
    else:
        try:
            with transaction.atomic():
                application = ProgramApplication.objects.create(
                    resident=resident,
                    program=program,
                    status=status,
                    decision_reason=result.summary(),
                    applied_at=now,
                    decided_at=now,
                )
        except IntegrityError:
            raise ValidationError(_("이미 이 사업에 신청했습니다."))
    _record(application, Status.APPLIED, "", by)
    _record(application, status, result.summary(), None)
    return application


@transaction.atomic
def withdraw_program_application(*, application, by=None):
    """The resident withdraws before being selected."""
    application = ProgramApplication.objects.select_for_update().get(pk=application.pk)
    if not application.can_move_to(Status.WITHDRAWN):
        raise ValidationError(
            _("선발이 결정된 뒤에는 신청을 취소할 수 없습니다. 일자리지원과에 문의해 주세요.")
        )
    return change_program_application_status(
        application=application, status=Status.WITHDRAWN, reason=_("본인이 신청을 취소했습니다."), by=by
    )


@transaction.atomic
def change_program_application_status(
    *, application, status, reason, by=None, score=None, waitlist_position=None
):
    """Move an application along its allowed path, recording who, when and why."""
    if not application.can_move_to(status):
        raise ValidationError(
            _("'%(from)s' 상태에서 '%(to)s' 상태로 바꿀 수 없습니다.")
            % {"from": application.get_status_display(), "to": Status(status).label}
        )
    application.status = status
    application.decision_reason = str(reason)
    application.decided_at = timezone.now()
    application.decided_by = by
    if score is not None:
        application.priority_score = score
    application.waitlist_position = waitlist_position if status == Status.WAITLISTED else None
    application.save()
    _record(application, status, str(reason), by)
    if status in {Status.SELECTED, Status.WAITLISTED}:
        user = application.resident.user
        notify(
            user=user,
            kind=MailKind.PROGRAM_DECISION,
            subject=_("%(program)s 신청 결과: %(status)s")
            % {"program": application.program.name, "status": Status(status).label},
            body=_("%(name)s님, %(program)s 신청 결과를 알려 드립니다.\n결과: %(status)s\n사유: %(reason)s")
            % {
                "name": application.resident.name,
                "program": application.program,
                "status": Status(status).label,
                "reason": reason,
            },
        )
    return application
