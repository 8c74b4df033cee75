"""Writing job applications and placements: apply, refer, move through interview to a hire."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.models import Vacancy
from notifications.kinds import MailKind
from notifications.services import notify
from placements.models import JobApplication, JobApplicationEvent, Placement, RetentionCheck
from programs.models import ProgramApplication

Status = JobApplication.Status

RESIDENT_MAIL = {
    Status.APPLIED: (MailKind.APPLICATION_RECEIVED, _("지원이 접수되었습니다")),
    Status.REFERRED: (MailKind.APPLICATION_REFERRED, _("구청이 채용 공고를 알선했습니다")),
    Status.INTERVIEW: (MailKind.APPLICATION_INTERVIEW, _("면접 대상자가 되었습니다")),
    Status.HIRED: (MailKind.APPLICATION_HIRED, _("채용되었습니다")),
    Status.REJECTED: (MailKind.APPLICATION_REJECTED, _("채용 결과를 알려 드립니다")),
}


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _record_event(application, status, actor, note=""):
    JobApplicationEvent.objects.create(application=application, status=status, actor=actor, note=note)


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
    if vacancy.status != Vacancy.Status.OPEN:
        raise ValidationError(_("모집 중인 공고에만 지원할 수 있습니다."))
    if vacancy.closes_on and vacancy.closes_on < timezone.localdate():
        raise ValidationError(_("마감일이 지난 공고입니다."))
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
    _record_event(application, status, referred_by)
    _tell_resident(application, status)
    _tell_employer(application)
    return application


@transaction.atomic
def apply_to_vacancy(*, resident, vacancy):
    """A resident applies to an open vacancy (needs consent to provide data to employers)."""
    if vacancy.source == vacancy.Source.NATIONAL:
        raise ValidationError(_("고용24에서 가져온 공고는 고용24에서 지원합니다."))
    return _create_application(resident=resident, vacancy=vacancy, status=Status.APPLIED)


@transaction.atomic
def refer_resident(*, resident, vacancy, by):
    """District staff refer a resident to a vacancy (알선); the resident and employer see it."""
    return _create_application(resident=resident, vacancy=vacancy, status=Status.REFERRED, referred_by=by)


@transaction.atomic
def move_job_application(*, application, status, by, note="", started_on=None, monthly_wage=None):
    """Move an application (interview, hired, rejected, withdrawn); hired records the placement."""
    application = JobApplication.objects.select_for_update().get(pk=application.pk)
    if not application.can_move_to(status):
        raise ValidationError(
            _("'%(from)s' 상태에서 '%(to)s' 상태로 바꿀 수 없습니다.")
            % {"from": application.get_status_display(), "to": Status(status).label}
        )
    application.status = status
    application.status_changed_at = timezone.now()
    application.save(update_fields=["status", "status_changed_at"])
    _record_event(application, status, by, note)
    if status == Status.HIRED:
        record_hire(application=application, by=by, started_on=started_on, monthly_wage=monthly_wage)
    _tell_resident(application, status)
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
    placement.priority_groups.set(resident.priority_groups.all())
    create_retention_checks(placement=placement)
    return placement


@transaction.atomic
def record_hire(*, application, by, started_on=None, monthly_wage=None):
    """A hire through a vacancy: a private-sector placement with the resident's facts at hire."""
    vacancy = application.vacancy
    started_on = started_on or timezone.localdate()
    placement = Placement(
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
    """Staff record a follow-up: still employed or not, on which day, by whom."""
    check = RetentionCheck.objects.select_for_update().get(pk=check.pk)
    check.still_employed = still_employed
    check.checked_on = checked_on or timezone.localdate()
    check.checked_by = by
    if note:
        check.note = note
    check.save(update_fields=["still_employed", "checked_on", "checked_by", "note"])
    return check
