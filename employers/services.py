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


# ---- The employer's public page: proposed by the employer, approved by staff ----


@transaction.atomic
def propose_profile_change(*, employer, by, **fields):
    """An employer proposes its public profile; it waits for staff (a newer proposal replaces a
    pending one). The public page keeps the approved version meanwhile."""
    from employers.models import EmployerProfileChange

    unknown = set(fields) - set(EmployerProfileChange.FIELDS)
    if unknown:
        raise ValidationError(
            _("고칠 수 없는 항목입니다: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    change = (
        EmployerProfileChange.objects.select_for_update()
        .filter(employer=employer, status=EmployerProfileChange.Status.PENDING)
        .first()
    ) or EmployerProfileChange(employer=employer)
    for name in EmployerProfileChange.FIELDS:
        setattr(change, name, fields.get(name, getattr(employer, name)))
    change.submitted_by = by
    change.submitted_at = timezone.now()
    change.full_clean()
    change.save()
    return change


def _lock_pending(change):
    from employers.models import EmployerProfileChange

    change = (
        EmployerProfileChange.objects.select_for_update(of=("self",))
        .select_related("employer")
        .get(pk=change.pk)
    )
    if change.status != EmployerProfileChange.Status.PENDING:
        raise ValidationError(
            _("이미 '%(status)s' 결정된 요청입니다.") % {"status": change.get_status_display()}
        )
    return change


def _tell_employer(change, subject, body):
    for user in change.employer.users.filter(is_active=True):
        notify(user=user, kind=MailKind.EMPLOYER_PROFILE_DECISION, subject=subject, body=body)


@transaction.atomic
def approve_profile_change(*, change, by):
    """Staff approve a proposed profile: the public page shows it from now on; the employer is told."""
    from employers.models import EmployerProfileChange

    change = _lock_pending(change)
    employer = change.employer
    for name in EmployerProfileChange.FIELDS:
        setattr(employer, name, getattr(change, name))
    employer.profile_approved_at = timezone.now()
    employer.full_clean()
    employer.save()
    change.status = EmployerProfileChange.Status.APPROVED
    change.decided_by = by
    change.decided_at = timezone.now()
    change.reason = ""
    change.save()
    _tell_employer(
        change,
        _("기업 소개가 승인되었습니다"),
        _(
            "'%(name)s' 기업 소개 변경을 구청이 승인했습니다. 공개 기업 페이지에 반영되었습니다: /companies/%(pk)s/"
        )
        % {"name": employer.name, "pk": employer.pk},
    )
    return change


@transaction.atomic
def reject_profile_change(*, change, by, reason):
    """Staff reject a proposed profile, saying why; the public page keeps the approved version."""
    from employers.models import EmployerProfileChange

    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("반려 사유를 적어 주세요.")})
    change = _lock_pending(change)
    change.status = EmployerProfileChange.Status.REJECTED
    change.decided_by = by
    change.decided_at = timezone.now()
    change.reason = reason
    change.save()
    _tell_employer(
        change,
        _("기업 소개 변경이 반려되었습니다"),
        _(
            "'%(name)s' 기업 소개 변경을 구청이 반려했습니다.\n사유: %(reason)s\n고쳐서 다시 요청할 수 있습니다."
        )
        % {"name": change.employer.name, "reason": reason},
    )
    return change
