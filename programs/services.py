"""Writing program applications: applying, withdrawing, selecting participants and replacing drop-outs."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from guro_jobs.timeline import record_event
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
    record_event(application, status=Status.APPLIED, actor=by)
    record_event(application, status=status, reason=result.summary())
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
    if status == Status.SELECTED:
        _refuse_when_full(application.program)
    application.status = status
    application.decision_reason = str(reason)
    application.decided_at = timezone.now()
    application.decided_by = by
    if score is not None:
        application.priority_score = score
    application.waitlist_position = waitlist_position if status == Status.WAITLISTED else None
    application.save()
    record_event(application, status=status, actor=by, reason=reason)
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


def _lock_places(program):
    """Lock the program (and its shared pool) so two selections cannot both take the last place."""
    from programs.models import PlacePool, Program

    program = Program.objects.select_for_update().get(pk=program.pk)
    if program.place_pool_id is not None:
        program.place_pool = PlacePool.objects.select_for_update().get(pk=program.place_pool_id)
    return program


def _refuse_when_full(program):
    """Selecting one more person must fit the program's capacity and its shared pool."""
    from programs.selection import free_places

    program = _lock_places(program)
    if free_places(program) == 0:
        if program.place_pool_id is not None:
            raise ValidationError(
                _("공유 정원 %(pool)s이 모두 찼습니다. 더 선발할 수 없습니다.") % {"pool": program.place_pool}
            )
        raise ValidationError(_("모집 정원 %(capacity)s명이 모두 찼습니다.") % {"capacity": program.capacity})


@dataclass
class SelectionOutcome:
    selected: list = field(default_factory=list)
    waitlisted: list = field(default_factory=list)
    ineligible: list = field(default_factory=list)

    def summary(self):
        return _("선발 %(selected)s명, 대기 %(waitlisted)s명, 자격 미달 %(ineligible)s명") % {
            "selected": len(self.selected),
            "waitlisted": len(self.waitlisted),
            "ineligible": len(self.ineligible),
        }


def _set_waitlist_position(application, position, score, reason, by):
    """Keep a waitlisted application's place in line up to date (a new event only when it moves)."""
    if application.status != Status.WAITLISTED:
        return change_program_application_status(
            application=application,
            status=Status.WAITLISTED,
            reason=reason,
            by=by,
            score=score,
            waitlist_position=position,
        )
    if application.waitlist_position != position or application.priority_score != score:
        application.waitlist_position = position
        application.priority_score = score
        application.decision_reason = str(reason)
        application.save(update_fields=["waitlist_position", "priority_score", "decision_reason"])
        record_event(application, status=Status.WAITLISTED, actor=by, reason=reason)
    return application


@transaction.atomic
def select_participants(*, program, by):
    """Rank eligible applicants by priority score, select up to capacity and waitlist the rest.

    Eligibility is re-checked with the one engine; places already held (selected, active,
    completed) count against the capacity. See programs/selection.py for the score and the
    tie-break rule.
    """
    from programs.selection import TIE_BREAK_RULE, free_places, rank_applications

    program = _lock_places(program)
    if program.capacity is None and program.place_pool_id is None:
        raise ValidationError(_("정원 미정인 사업은 선발할 수 없습니다. 먼저 모집 정원을 입력해 주세요."))
    free = free_places(program)
    outcome = SelectionOutcome()
    for ranked in rank_applications(program):
        application, score = ranked.application, ranked.score
        if not ranked.eligible:
            change_program_application_status(
                application=application,
                status=Status.INELIGIBLE,
                reason=ranked.eligibility.summary(),
                by=by,
                score=score.total,
            )
            outcome.ineligible.append(application)
        elif len(outcome.selected) < free:
            capacity = program.capacity if program.capacity is not None else program.place_pool.capacity
            reason = _("%(score)s 정원 %(capacity)s명 안에 들어 선발되었습니다.") % {
                "score": score.explanation(),
                "capacity": capacity,
            }
            change_program_application_status(
                application=application, status=Status.SELECTED, reason=reason, by=by, score=score.total
            )
            outcome.selected.append(application)
        else:
            position = len(outcome.waitlisted) + 1
            reason = _("%(score)s 정원이 차서 대기 %(position)s번입니다. %(tie)s") % {
                "score": score.explanation(),
                "position": position,
                "tie": TIE_BREAK_RULE,
            }
            _set_waitlist_position(application, position, score.total, reason, by)
            outcome.waitlisted.append(application)
    return outcome


@transaction.atomic
def drop_participant(*, application, by, reason):
    """A selected or active participant drops out; the first eligible person on the waitlist
    takes the place. Returns the promoted application, or None when nobody is waiting."""
    from programs.selection import rank_applications

    application = ProgramApplication.objects.select_for_update().get(pk=application.pk)
    change_program_application_status(application=application, status=Status.DROPPED, reason=reason, by=by)
    program = application.program
    waiting = [ranked for ranked in rank_applications(program, statuses=[Status.WAITLISTED])]
    # Promotion follows the published waitlist order, not a fresh ranking.
    waiting.sort(key=lambda ranked: (ranked.application.waitlist_position or 10**9, ranked.application.pk))
    promoted = None
    position = 0
    for ranked in waiting:
        candidate = ranked.application
        if not ranked.eligible:
            change_program_application_status(
                application=candidate, status=Status.INELIGIBLE, reason=ranked.eligibility.summary(), by=by
            )
        elif promoted is None:
            promoted = change_program_application_status(
                application=candidate,
                status=Status.SELECTED,
                reason=_("%(name)s님의 중도 포기로 대기 %(position)s번에서 선발되었습니다.")
                % {"name": application.resident.name, "position": candidate.waitlist_position},
                by=by,
            )
        else:
            position += 1
            _set_waitlist_position(
                candidate,
                position,
                candidate.priority_score,
                _("앞 순번의 선발로 대기 %(position)s번이 되었습니다.") % {"position": position},
                by,
            )
    return promoted


def erase_personal_notes(*, resident):
    """Anonymisation (residents.anonymisation): reasons written about the person go; statuses stay."""
    ProgramApplication.objects.filter(resident=resident).update(decision_reason="")
    ProgramApplicationEvent.objects.filter(application__resident=resident).update(reason="")
