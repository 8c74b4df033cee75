"""Writing vacancies: an employer drafts and submits, district staff approve, the employer closes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from employers import selectors
from employers.models import Vacancy
from notifications.kinds import MailKind
from notifications.services import notify

Status = Vacancy.Status


def _move(vacancy, status):
    if not vacancy.can_move_to(status):
        raise ValidationError(
            _("'%(from)s' 상태의 공고는 '%(to)s' 상태로 바꿀 수 없습니다.")
            % {"from": vacancy.get_status_display(), "to": Status(status).label}
        )
    vacancy.status = status


@transaction.atomic
def save_vacancy(*, vacancy, skills=None):
    """Create or edit a vacancy (draft or pending review only, or by staff); validates fully."""
    vacancy.full_clean()
    vacancy.save()
    if skills is not None:
        vacancy.required_skills.set(skills)
    return vacancy


@transaction.atomic
def submit_vacancy_for_review(*, vacancy):
    _move(vacancy, Status.PENDING_REVIEW)
    vacancy.save(update_fields=["status", "monthly_wage"])
    return vacancy


@transaction.atomic
def approve_vacancy(*, vacancy, by):
    """District staff approve a vacancy: it opens today and the employer is told."""
    _move(vacancy, Status.OPEN)
    today = timezone.localdate()
    vacancy.posted_on = vacancy.posted_on if vacancy.posted_on and vacancy.posted_on >= today else today
    if vacancy.closes_on and vacancy.closes_on < vacancy.posted_on:
        raise ValidationError(_("마감일이 지난 공고는 승인할 수 없습니다. 마감일을 고쳐 주세요."))
    vacancy.approved_at = timezone.now()
    vacancy.approved_by = by
    vacancy.save()
    for user in vacancy.employer.users.filter(is_active=True):
        notify(
            user=user,
            kind=MailKind.VACANCY_APPROVED,
            subject=_("채용 공고가 승인되었습니다: %(title)s") % {"title": vacancy.title},
            body=_("'%(title)s' 공고가 구청 승인을 받아 게시되었습니다.") % {"title": vacancy.title},
        )
    return vacancy


@transaction.atomic
def return_vacancy_to_draft(*, vacancy, by=None):
    _move(vacancy, Status.DRAFT)
    vacancy.save(update_fields=["status", "monthly_wage"])
    return vacancy


@transaction.atomic
def close_vacancy(*, vacancy, filled=False):
    _move(vacancy, Status.FILLED if filled else Status.CLOSED)
    vacancy.save(update_fields=["status", "monthly_wage"])
    return vacancy


@transaction.atomic
def save_employer_vacancy(*, vacancy, employer, skills=None):
    """An employer saves its own vacancy as a draft; once submitted only staff change it."""
    if vacancy.pk and vacancy.employer_id != employer.pk:
        raise ValidationError(_("다른 기업의 공고는 고칠 수 없습니다."))
    if vacancy.pk and vacancy.status not in selectors.EMPLOYER_EDITABLE:
        raise ValidationError(_("작성 중인 공고만 고칠 수 있습니다."))
    vacancy.employer = employer
    vacancy.status = Status.DRAFT
    return save_vacancy(vacancy=vacancy, skills=skills)


@transaction.atomic
def open_incentive_ledger(*, agreement, by=None):
    """A ledger line for each incentive the agreement offers, needing its local-hire quota."""
    from employers.models import IncentiveGrant

    lines = []
    for incentive in agreement.incentives:
        line, _created = IncentiveGrant.objects.get_or_create(
            agreement=agreement,
            incentive=incentive,
            defaults={"required_local_hires": agreement.local_hire_quota},
        )
        lines.append(line)
    return lines


def _decide_incentive(line, by, status, reason):
    from employers.models import IncentiveGrant
    from employers.selectors import verified_local_hires

    line = IncentiveGrant.objects.select_for_update().select_related("agreement").get(pk=line.pk)
    if line.status != IncentiveGrant.Status.PENDING:
        raise ValidationError(
            _("이미 '%(status)s' 결정된 인센티브입니다.") % {"status": line.get_status_display()}
        )
    verified = verified_local_hires(line.agreement)
    if status == IncentiveGrant.Status.GRANTED and verified < line.required_local_hires:
        raise ValidationError(
            _(
                "확인된 지역 주민 채용이 %(verified)s명으로, 필요한 %(required)s명에 못 미쳐 부여할 수 없습니다."
            )
            % {"verified": f"{verified:,}", "required": f"{line.required_local_hires:,}"}
        )
    line.status = status
    line.decided_at = timezone.now()
    line.decided_by = by
    line.reason = (reason or "").strip()
    line.verified_local_hires_at_decision = verified
    line.save()
    return line


@transaction.atomic
def grant_incentive(*, line, by, reason=""):
    """Grant an incentive once the partner's verified local hires reach what it needs."""
    from employers.models import IncentiveGrant

    return _decide_incentive(line, by, IncentiveGrant.Status.GRANTED, reason)


@transaction.atomic
def refuse_incentive(*, line, by, reason):
    """Refuse an incentive, saying why."""
    from employers.models import IncentiveGrant

    if not (reason or "").strip():
        raise ValidationError({"reason": _("거절 사유를 적어 주세요.")})
    return _decide_incentive(line, by, IncentiveGrant.Status.REFUSED, reason)
