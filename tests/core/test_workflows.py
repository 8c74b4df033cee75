"""The core workflows: applying to programs and vacancies, approval, and a hire that records a placement."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from employers import services as vacancy_services
from employers.models import Vacancy
from placements import services as placement_services
from placements.models import JobApplication, Placement
from programs import services as program_services
from programs.models import ProgramApplication
from tests import factories

pytestmark = pytest.mark.django_db


def test_applying_to_a_program_checks_eligibility_and_keeps_the_reason():
    program = factories.ProgramFactory()
    resident = factories.ResidentFactory(dong=None, outside_region="부천시")
    application = program_services.apply_to_program(resident=resident, program=program)
    assert application.status == ProgramApplication.Status.INELIGIBLE
    assert "구로구 주민만 신청할 수 있습니다." in application.decision_reason
    assert list(application.events.values_list("status", flat=True)) == ["applied", "ineligible"]


def test_applying_twice_to_a_program_is_refused_in_korean():
    program = factories.ProgramFactory()
    resident = factories.ResidentFactory()
    program_services.apply_to_program(resident=resident, program=program)
    with pytest.raises(ValidationError, match="이미 이 사업에 신청했습니다"):
        program_services.apply_to_program(resident=resident, program=program)


def test_a_resident_can_withdraw_before_selection_and_apply_again():
    program = factories.ProgramFactory()
    resident = factories.ResidentFactory()
    application = program_services.apply_to_program(resident=resident, program=program)
    program_services.withdraw_program_application(application=application)
    again = program_services.apply_to_program(resident=resident, program=program)
    assert again.pk == application.pk
    assert again.status == ProgramApplication.Status.ELIGIBLE


def test_applying_to_a_vacancy_needs_consent_to_provide_data_to_employers():
    resident = factories.ResidentFactory(provision_consented_at=None)
    vacancy = factories.VacancyFactory()
    with pytest.raises(ValidationError, match="제3자\\(기업\\) 제공에 동의"):
        placement_services.apply_to_vacancy(resident=resident, vacancy=vacancy)
    assert not JobApplication.objects.exists()


def test_vacancy_goes_from_draft_through_review_to_open_with_staff_approval(staff_user):
    vacancy = factories.VacancyFactory(status=Vacancy.Status.DRAFT, posted_on=None)
    vacancy_services.submit_vacancy_for_review(vacancy=vacancy)
    vacancy_services.approve_vacancy(vacancy=vacancy, by=staff_user)
    vacancy.refresh_from_db()
    assert vacancy.status == Vacancy.Status.OPEN
    assert vacancy.posted_on is not None
    assert vacancy.approved_by == staff_user


def test_a_draft_cannot_be_opened_without_review(staff_user):
    vacancy = factories.VacancyFactory(status=Vacancy.Status.DRAFT)
    with pytest.raises(ValidationError):
        vacancy_services.approve_vacancy(vacancy=vacancy, by=staff_user)


def test_hiring_records_a_private_placement_with_local_flag_and_retention_checks(
    django_capture_on_commit_callbacks,
):
    employer_user = factories.employer_user()
    resident = factories.ResidentFactory(with_user=True)
    vacancy = factories.VacancyFactory(employer=employer_user.employer)
    with django_capture_on_commit_callbacks(execute=True):
        application = placement_services.apply_to_vacancy(resident=resident, vacancy=vacancy)
        placement_services.move_job_application(application=application, status="interview", by=employer_user)
        placement_services.move_job_application(application=application, status="hired", by=employer_user)
    placement = Placement.objects.get(job_application=application)
    assert placement.sector == "private"
    assert placement.guro_resident_at_hire is True
    assert placement.dong_at_hire == resident.dong
    assert sorted(placement.retention_checks.values_list("months_after_start", flat=True)) == [1, 3, 6, 12]
    subjects = [message.subject for message in mail.outbox]
    assert any("채용되었습니다" in subject for subject in subjects)
    assert any("새 지원자가 있습니다" in subject for subject in subjects)
    assert list(application.events.values_list("status", flat=True)) == ["applied", "interview", "hired"]


def test_a_rejected_application_cannot_be_hired_later(employer_user):
    application = factories.JobApplicationFactory(
        vacancy=factories.VacancyFactory(employer=employer_user.employer)
    )
    placement_services.move_job_application(application=application, status="rejected", by=employer_user)
    with pytest.raises(ValidationError):
        placement_services.move_job_application(application=application, status="hired", by=employer_user)
    assert not Placement.objects.exists()


def test_residents_who_turned_a_mail_kind_off_do_not_get_it(django_capture_on_commit_callbacks):
    resident = factories.ResidentFactory(with_user=True)
    resident.user.mail_opt_outs = ["application_received"]
    resident.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        placement_services.apply_to_vacancy(resident=resident, vacancy=factories.VacancyFactory())
    assert not [m for m in mail.outbox if resident.user.email in m.to]


def test_an_application_is_kept_and_answered_when_the_mail_queue_is_down(
    monkeypatch, django_capture_on_commit_callbacks
):
    from kombu.exceptions import OperationalError

    from notifications.tasks import send_mail_task

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(send_mail_task, "apply_async", broker_down)
    resident = factories.ResidentFactory(with_user=True)
    with django_capture_on_commit_callbacks(execute=True):
        application = placement_services.apply_to_vacancy(
            resident=resident, vacancy=factories.VacancyFactory()
        )
    assert JobApplication.objects.filter(pk=application.pk).exists()
