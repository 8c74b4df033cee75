"""Writing vacancies: an employer drafts and submits, district staff approve, the employer closes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

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


EMPLOYER_EDITABLE = {Status.DRAFT}


@transaction.atomic
def save_employer_vacancy(*, vacancy, employer, skills=None):
    """An employer saves its own vacancy as a draft; once submitted only staff change it."""
    if vacancy.pk and vacancy.employer_id != employer.pk:
        raise ValidationError(_("다른 기업의 공고는 고칠 수 없습니다."))
    if vacancy.pk and vacancy.status not in EMPLOYER_EDITABLE:
        raise ValidationError(_("작성 중인 공고만 고칠 수 있습니다."))
    vacancy.employer = employer
    vacancy.status = Status.DRAFT
    return save_vacancy(vacancy=vacancy, skills=skills)
