"""Writing job applications and placements: apply, refer, move through interview to a hire."""

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.selectors import vacancy_refusal
from guro_jobs.timeline import record_event
from notifications.kinds import MailKind
from notifications.services import notify
from placements.models import (
    ApplicantNote,
    ApplicationResume,
    JobApplication,
    JobApplicationEvent,
    Placement,
    RetentionCheck,
)
from programs.eligibility import verified_priority_group_ids
from programs.models import ProgramApplication
from residents import services as resident_services
from resumes import files as resume_files
from resumes.selectors import resume_snapshot

Status = JobApplication.Status

RESIDENT_MAIL = {
    Status.APPLIED: (MailKind.APPLICATION_RECEIVED, _("지원이 접수되었습니다")),
    Status.REFERRED: (MailKind.APPLICATION_REFERRED, _("구청이 채용 공고를 알선했습니다")),
    Status.INTERVIEW: (MailKind.APPLICATION_INTERVIEW, _("면접 대상자가 되었습니다")),
    Status.HIRED: (MailKind.APPLICATION_HIRED, _("채용되었습니다")),
    Status.REJECTED: (MailKind.APPLICATION_REJECTED, _("채용 결과를 알려 드립니다")),
    Status.HIRE_CANCELLED: (MailKind.APPLICATION_HIRED, _("채용 결과가 정정되었습니다")),
}


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _tell_resident(application, status):
    if status not in RESIDENT_MAIL:
        return
    kind, headline = RESIDENT_MAIL[status]
    vacancy = application.vacancy
    notify(
        user=application.resident.user,
        kind=kind,
        subject=f"{headline}: {vacancy.title}",
        body=_("%(name)s님, %(employer)s '%(title)s' 지원 상태가 '%(status)s'(으)로 바뀌었습니다.")
        % {
            "name": application.resident.name,
            "employer": vacancy.employer.name,
            "title": vacancy.title,
            "status": Status(status).label,
        },
    )


def _tell_employer(application):
    vacancy = application.vacancy
    for user in vacancy.employer.users.filter(is_active=True):
        notify(
            user=user,
            kind=MailKind.NEW_APPLICANT,
            subject=_("새 지원자가 있습니다: %(title)s") % {"title": vacancy.title},
            body=_("'%(title)s' 공고에 새 지원자가 있습니다. 기업 화면에서 확인해 주세요.")
            % {"title": vacancy.title},
        )


def _create_application(*, resident, vacancy, status, referred_by=None):
    refusal = vacancy_refusal(vacancy)
    if refusal:
        raise ValidationError(refusal)
    if not resident.has_provision_consent:
        raise ValidationError(_("기업에 지원하려면 개인정보 제3자(기업) 제공에 동의해야 합니다."))
    if resident.anonymised_at or resident.deletion_requested_at:
        raise ValidationError(_("탈퇴를 요청한 계정으로는 지원할 수 없습니다."))
    try:
        with transaction.atomic():
            application = JobApplication.objects.create(
                resident=resident, vacancy=vacancy, status=status, referred_by=referred_by
            )
    except IntegrityError:
        raise ValidationError(_("이미 이 공고에 지원했습니다."))
    record_event(application, status=status, actor=referred_by)
    _tell_resident(application, status)
    _tell_employer(application)
    return application


@transaction.atomic
def apply_to_vacancy(*, resident, vacancy, resume=None):
    """A resident applies to an open vacancy (needs consent to provide data to employers), with
    one of their resumes if they pick one: the application keeps a snapshot of it."""
    if vacancy.source == vacancy.Source.NATIONAL:
        raise ValidationError(_("고용24에서 가져온 공고는 고용24에서 지원합니다."))
    if resume is not None and resume.resident_id != resident.pk:
        raise ValidationError({"resume": _("내 이력서만 골라 지원할 수 있습니다.")})
    application = _create_application(resident=resident, vacancy=vacancy, status=Status.APPLIED)
    if resume is not None:
        attach_resume_snapshot(application=application, resume=resume)
    return application


def attach_resume_snapshot(*, application, resume):
    """Freeze the resume into the application: its content as JSON and a copy of its file."""
    snapshot = ApplicationResume(application=application, resume=resume, content=resume_snapshot(resume))
    if resume.file_path:
        snapshot.file_path = resume_files.copy_stored(resume.file_path, kind=resume.file_kind)
        snapshot.file_name = resume.file_name
        snapshot.file_kind = resume.file_kind
    snapshot.save()
    return snapshot


@transaction.atomic
def add_applicant_note(*, application, by, body):
    """An employer's private note on its applicant (only its own users see it)."""
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("메모 내용을 적어 주세요.")})
    if len(body) > 2000:
        raise ValidationError({"body": _("메모는 2,000자까지 적을 수 있습니다.")})
    return ApplicantNote.objects.create(
        application=application, employer=application.vacancy.employer, author=by, body=body
    )


@transaction.atomic
def refer_resident(*, resident, vacancy, by):
    """District staff refer a resident to a vacancy (알선); the resident and employer see it."""
    return _create_application(resident=resident, vacancy=vacancy, status=Status.REFERRED, referred_by=by)


@transaction.atomic
def move_job_application(
    *, application, status, by, note="", started_on=None, monthly_wage=None, tell_resident=True
):
    """Move an application (interview, hired, rejected, withdrawn); hired records the placement.
    tell_resident=False when the caller sends its own, fuller mail (an interview's proposal)."""
    application = JobApplication.objects.select_for_update().get(pk=application.pk)
    if status == Status.HIRE_CANCELLED:  # needs a reason and the correction window: cancel_hire
        raise ValidationError(_("채용 취소는 사유를 적어 '채용 취소(정정)'으로 해 주세요."))
    if not application.can_move_to(status):
        raise ValidationError(
            _("'%(from)s' 상태에서 '%(to)s' 상태로 바꿀 수 없습니다.")
            % {"from": application.get_status_display(), "to": Status(status).label}
        )
    application.status = status
    application.status_changed_at = timezone.now()
    application.save(update_fields=["status", "status_changed_at"])
    record_event(application, status=status, actor=by, reason=note)
    if status == Status.HIRED:
        record_hire(application=application, by=by, started_on=started_on, monthly_wage=monthly_wage)
    if tell_resident:
        _tell_resident(application, status)
    return application


@transaction.atomic
def withdraw_job_application(*, application, by):
    """The resident (or staff for them) withdraws before a hire; the employer is told by mail."""
    application = (
        JobApplication.objects.select_for_update().select_related("vacancy__employer").get(pk=application.pk)
    )
    if not application.can_move_to(Status.WITHDRAWN):
        if application.status == Status.HIRED:
            raise ValidationError(
                _("채용이 결정된 뒤에는 지원을 취소할 수 없습니다. 기업이나 일자리지원과에 문의해 주세요.")
            )
        raise ValidationError(_("이미 끝난 지원은 취소할 수 없습니다."))
    application.status = Status.WITHDRAWN
    application.status_changed_at = timezone.now()
    application.save(update_fields=["status", "status_changed_at"])
    record_event(application, status=Status.WITHDRAWN, actor=by, reason=_("본인이 지원을 취소했습니다."))
    vacancy = application.vacancy
    for user in vacancy.employer.users.filter(is_active=True):
        notify(
            user=user,
            kind=MailKind.NEW_APPLICANT,  # the employer's mail about its applicants
            subject=_("지원이 취소되었습니다: %(title)s") % {"title": vacancy.title},
            body=_("'%(title)s' 공고의 지원자 한 명이 지원을 취소했습니다. 기업 화면에서 확인해 주세요.")
            % {"title": vacancy.title},
        )
    return application


def _resident_facts(resident, on_day):
    """Facts kept on a placement for statistics, as they are at hire."""
    return {
        "guro_resident_at_hire": resident.lives_in_guro,
        "dong_at_hire": resident.dong,
        "gender": resident.gender,
        "age_at_hire": resident.age_on(on_day),
    }


def _finish_placement(placement, resident):
    placement.full_clean()
    placement.save()
    # Only verified, unexpired claims are kept on the placement: the dashboards count these.
    placement.priority_groups.set(verified_priority_group_ids(resident, placement.started_on))
    create_retention_checks(placement=placement)
    return placement


@transaction.atomic
def confirm_hire(*, application, by, started_on, monthly_wage):
    """The employer confirms the start date and the monthly wage, then the hire is recorded."""
    errors = {}
    if started_on is None:
        errors["started_on"] = _("근무 시작일을 입력해 주세요.")
    elif started_on < timezone.localdate() - datetime.timedelta(days=365):
        errors["started_on"] = _("근무 시작일이 1년도 더 전입니다. 날짜를 다시 확인해 주세요.")
    if not monthly_wage:
        errors["monthly_wage"] = _("월 임금을 원 단위 숫자로 입력해 주세요.")
    if errors:
        raise ValidationError(errors)
    return move_job_application(
        application=application,
        status=Status.HIRED,
        by=by,
        note=_("근무 시작일 %(day)s, 월 임금 %(wage)s원")
        % {"day": f"{started_on:%Y-%m-%d}", "wage": f"{monthly_wage:,}"},
        started_on=started_on,
        monthly_wage=monthly_wage,
    )


@transaction.atomic
def cancel_hire(*, placement, by, reason, as_staff=False):
    """Correct a hire recorded by mistake: the placement is cancelled (no dashboard counts it), the
    application shows '채용 취소(정정)' in its timeline with the reason. The employer may do so for
    HIRE_CORRECTION_HOURS after recording it; staff (as_staff) at any time."""
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("취소 사유를 적어 주세요.")})
    if placement.status == Placement.Status.CANCELLED:
        raise ValidationError(_("이미 취소된 실적입니다."))
    if not as_staff and not placement.employer_may_correct:
        raise ValidationError(
            _(
                "채용을 기록한 지 %(hours)s시간이 지나 기업 화면에서는 고칠 수 없습니다. 일자리지원과에 정정을 요청해 주세요."
            )
            % {"hours": settings.HIRE_CORRECTION_HOURS}
        )
    placement.status = Placement.Status.CANCELLED
    placement.cancelled_at = timezone.now()
    placement.cancelled_by = by
    placement.cancellation_reason = reason[:300]
    placement.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancellation_reason"])
    # A cancelled hire has no follow-ups still to make; those already made stay as records.
    placement.retention_checks.filter(checked_on__isnull=True).delete()
    if placement.job_application_id:
        application = JobApplication.objects.select_for_update().get(pk=placement.job_application_id)
        if application.status == Status.HIRED:
            application.status = Status.HIRE_CANCELLED
            application.status_changed_at = timezone.now()
            application.save(update_fields=["status", "status_changed_at"])
            record_event(application, status=Status.HIRE_CANCELLED, actor=by, reason=reason)
            _tell_resident(application, Status.HIRE_CANCELLED)
    return placement


@transaction.atomic
def record_hire(*, application, by, started_on=None, monthly_wage=None):
    """A hire through a vacancy: a private-sector placement with the resident's facts at hire.
    Hiring again after a cancelled hire puts the same placement back, with the new facts."""
    vacancy = application.vacancy
    started_on = started_on or timezone.localdate()
    previous = Placement.objects.filter(job_application=application).first()
    placement = Placement(
        pk=previous.pk if previous else None,
        recorded_at=timezone.now(),
        resident=application.resident,
        source=Placement.Source.VACANCY,
        sector="private",
        job_application=application,
        employer=vacancy.employer,
        agreement=vacancy.agreement,
        started_on=started_on,
        monthly_wage=monthly_wage or vacancy.monthly_wage,
        recorded_by=by,
        **_resident_facts(application.resident, started_on),
    )
    placement._state.adding = previous is None  # an UPDATE of the cancelled row, unique checks aside
    return _finish_placement(placement, application.resident)


@transaction.atomic
def record_agreement_placement(*, agreement, resident, started_on, by, monthly_wage=None):
    """A hire under a partner agreement (e.g. D-Cube City) recorded by staff or the employer."""
    placement = Placement(
        resident=resident,
        source=Placement.Source.AGREEMENT,
        sector="private",
        employer=agreement.employer,
        agreement=agreement,
        started_on=started_on,
        monthly_wage=monthly_wage,
        recorded_by=by,
        **_resident_facts(resident, started_on),
    )
    return _finish_placement(placement, resident)


@transaction.atomic
def record_program_placement(*, application, started_on, by, monthly_wage=None):
    """A selected participant starts in a program slot: a placement in the program's sector."""
    if application.status not in {ProgramApplication.Status.SELECTED, ProgramApplication.Status.ACTIVE}:
        raise ValidationError(_("선발된 참여자만 배치할 수 있습니다."))
    program = application.program
    placement = Placement(
        resident=application.resident,
        source=Placement.Source.PROGRAM,
        sector=program.sector,
        program_application=application,
        program=program,
        started_on=started_on,
        monthly_wage=monthly_wage,
        recorded_by=by,
        **_resident_facts(application.resident, started_on),
    )
    return _finish_placement(placement, application.resident)


def create_retention_checks(*, placement):
    """The follow-ups at 1, 3, 6 and 12 months after start; existing ones are left alone."""
    existing = set(placement.retention_checks.values_list("months_after_start", flat=True))
    RetentionCheck.objects.bulk_create(
        [
            RetentionCheck(
                placement=placement,
                months_after_start=months,
                due_on=add_months(placement.started_on, months),
            )
            for months in RetentionCheck.Months.values
            if months not in existing
        ]
    )


def ensure_retention_checks():
    """Give every placement its 1/3/6/12-month follow-ups (6 and 12 months mirror the 2nd- and
    4th-quarter-after-exit employment rates public employment services report). Returns how
    many placements were completed; running it again does nothing."""
    from django.db.models import Count

    wanted = len(RetentionCheck.Months.values)
    incomplete = Placement.objects.annotate(checks=Count("retention_checks")).filter(checks__lt=wanted)
    count = 0
    for placement in incomplete.iterator():
        create_retention_checks(placement=placement)
        count += 1
    return count


@transaction.atomic
def record_retention_check(*, check, still_employed, by, note="", checked_on=None):
    """Staff record a follow-up: still employed or not, on which day, by whom. A check is refused
    more than RETENTION_CHECK_EARLY_DAYS before it is due (it would not tell whether the job lasted)."""
    check = RetentionCheck.objects.select_for_update().get(pk=check.pk)
    check.checked_on = checked_on or timezone.localdate()
    check.clean()  # refuses a check recorded before its due window
    check.still_employed = still_employed
    check.checked_by = by
    if note:
        check.note = note
    check.save(update_fields=["still_employed", "checked_on", "checked_by", "note"])
    return check


@transaction.atomic
def apply_with_provision_consent(*, resident, vacancy, consent_given=False, ip_address=None, resume=None):
    """One-click apply; a resident who has not yet consented to provision may consent here.

    Both happen or neither does: a refused application leaves no consent behind.
    """
    if not resident.has_provision_consent:
        if not consent_given:
            raise ValidationError(
                {"consent_provision": _("기업에 지원하려면 제3자(기업) 제공에 동의해야 합니다.")}
            )
        resident_services.record_provision_consent(resident=resident, granted=True, ip_address=ip_address)
    return apply_to_vacancy(resident=resident, vacancy=vacancy, resume=resume)


def erase_personal_notes(*, resident):
    """Anonymisation (residents.anonymisation): staff notes about the person go; statuses and dates stay."""
    JobApplicationEvent.objects.filter(application__resident=resident).update(note="")
    RetentionCheck.objects.filter(placement__resident=resident).update(note="")


def forget_application_resumes(*, resident):
    """Anonymisation: the resumes sent with applications and employers' notes on the person go."""
    snapshots = ApplicationResume.objects.filter(application__resident=resident)
    paths = [path for path in snapshots.values_list("file_path", flat=True) if path]
    snapshots.delete()
    ApplicantNote.objects.filter(application__resident=resident).delete()
    transaction.on_commit(lambda: _delete_stored_files(paths))


def _delete_stored_files(paths):
    for path in paths:
        resume_files.delete_stored(path)
