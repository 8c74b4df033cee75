"""Hiring asks for the start date and wage first; a hire recorded by mistake is corrected (cancelled)
by the employer within HIRE_CORRECTION_HOURS, by staff in the admin after that, with a reason in the
timeline and in the access log; a cancelled hire counts nowhere."""

import datetime

import pytest
from django.utils import timezone

from audit.models import PersonalDataAccess
from placements.models import JobApplication, Placement
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def hiring(employer_user):
    vacancy = factories.VacancyFactory(
        employer=employer_user.employer, title="물류 관리 사원", wage_amount=2_400_000, wage_unit="monthly"
    )
    application = factories.JobApplicationFactory(
        vacancy=vacancy, resident=factories.ResidentFactory(name="김채용", with_user=True)
    )
    return application


def hire_url(application):
    return f"/employer/applications/{application.pk}/hire/"


def cancel_url(application):
    return f"/employer/applications/{application.pk}/cancel-hire/"


def hire(client, application, started_on="2026-12-07", monthly_wage="2500000"):
    return client.post(hire_url(application), {"started_on": started_on, "monthly_wage": monthly_wage})


def test_the_hire_button_asks_for_confirmation_and_records_nothing_yet(client, employer_user, hiring):
    client.force_login(employer_user)
    response = client.post(f"/employer/applications/{hiring.pk}/move/", {"status": "hired"})
    assert response.status_code == 302 and response["Location"] == hire_url(hiring)
    hiring.refresh_from_db()
    assert hiring.status == JobApplication.Status.APPLIED
    assert not Placement.objects.exists()
    page = client.get(hire_url(hiring)).content.decode()
    assert "채용 확인" in page and "김채용" in page
    assert 'name="started_on"' in page and f'value="{timezone.localdate():%Y-%m-%d}"' in page
    assert 'name="monthly_wage"' in page and 'value="2400000"' in page  # the vacancy's wage, to confirm


def test_confirming_records_the_hire_with_the_confirmed_start_date_and_wage(client, employer_user, hiring):
    client.force_login(employer_user)
    response = hire(client, hiring)
    assert response.status_code == 302
    placement = Placement.objects.get(job_application=hiring)
    assert placement.started_on == datetime.date(2026, 12, 7)
    assert placement.monthly_wage == 2_500_000
    assert placement.status == Placement.Status.STANDING
    event = hiring.events.order_by("occurred_at", "id").last()
    assert event.status == JobApplication.Status.HIRED
    assert "2026-12-07" in event.note and "2,500,000" in event.note


def test_confirmation_without_a_wage_says_so_in_korean_and_hires_nobody(client, employer_user, hiring):
    client.force_login(employer_user)
    response = hire(client, hiring, monthly_wage="")
    assert response.status_code == 200
    assert "월 임금을 원 단위 숫자로 입력해 주세요." in response.content.decode()
    hiring.refresh_from_db()
    assert hiring.status == JobApplication.Status.APPLIED
    assert not Placement.objects.exists()


def test_employer_cancels_a_hire_within_the_window_with_a_reason_in_timeline_and_access_log(
    client, employer_user, hiring, settings
):
    settings.HIRE_CORRECTION_HOURS = 72
    client.force_login(employer_user)
    hire(client, hiring)
    vacancy_page = client.get(f"/employer/vacancies/{hiring.vacancy_id}/").content.decode()
    assert cancel_url(hiring) in vacancy_page
    # A reason is required.
    response = client.post(cancel_url(hiring), {"reason": ""})
    assert "취소 사유를 적어 주세요." in response.content.decode()
    assert Placement.objects.get().status == Placement.Status.STANDING
    response = client.post(cancel_url(hiring), {"reason": "다른 지원자를 잘못 눌렀습니다"})
    assert response.status_code == 302
    placement = Placement.objects.get()
    assert placement.status == Placement.Status.CANCELLED
    assert placement.cancelled_by == employer_user
    assert placement.cancellation_reason == "다른 지원자를 잘못 눌렀습니다"
    assert not placement.retention_checks.exists()
    hiring.refresh_from_db()
    assert hiring.status == JobApplication.Status.HIRE_CANCELLED
    event = hiring.events.order_by("occurred_at", "id").last()
    assert (event.status, event.note, event.actor) == (
        "hire_cancelled",
        "다른 지원자를 잘못 눌렀습니다",
        employer_user,
    )
    log = PersonalDataAccess.objects.get(target="채용 취소(정정)")
    assert (log.account, log.resident, log.detail) == (
        employer_user,
        hiring.resident,
        "다른 지원자를 잘못 눌렀습니다",
    )
    # The row offers the moves again, and the resident's timeline shows the correction.
    assert hire_url(hiring) in client.get(f"/employer/vacancies/{hiring.vacancy_id}/").content.decode()
    client.force_login(hiring.resident.user)
    assert "채용 취소(정정)" in client.get("/me/").content.decode()


def test_hiring_again_after_a_cancelled_hire_puts_the_placement_back(client, employer_user, hiring):
    client.force_login(employer_user)
    hire(client, hiring)
    client.post(cancel_url(hiring), {"reason": "시작일을 잘못 적었습니다"})
    hire(client, hiring, started_on="2026-12-14")
    placement = Placement.objects.get()
    assert (placement.status, placement.started_on, placement.cancellation_reason) == (
        Placement.Status.STANDING,
        datetime.date(2026, 12, 14),
        "",
    )
    assert placement.retention_checks.count() == 4


def test_after_the_window_the_employer_cannot_cancel_and_staff_correct_it_in_the_admin(
    client, employer_user, hiring, settings
):
    settings.HIRE_CORRECTION_HOURS = 72
    client.force_login(employer_user)
    hire(client, hiring)
    placement = Placement.objects.get()
    Placement.objects.filter(pk=placement.pk).update(
        recorded_at=timezone.now() - datetime.timedelta(hours=73)
    )
    assert cancel_url(hiring) not in client.get(f"/employer/vacancies/{hiring.vacancy_id}/").content.decode()
    response = client.post(cancel_url(hiring), {"reason": "늦은 정정"})
    assert "72시간이 지나 기업 화면에서는 고칠 수 없습니다" in response.content.decode()
    assert Placement.objects.get().status == Placement.Status.STANDING

    staff = factories.staff_user()
    client.force_login(staff)
    url = f"/admin/placements/placement/{placement.pk}/cancel/"
    assert url in client.get(f"/admin/placements/placement/{placement.pk}/change/").content.decode()
    response = client.post(url, {"reason": ""})
    assert "취소 사유를 적어 주세요." in response.content.decode()
    response = client.post(url, {"reason": "기업 요청: 입사 취소"})
    assert response.status_code == 302
    placement.refresh_from_db()
    assert (placement.status, placement.cancelled_by) == (Placement.Status.CANCELLED, staff)
    hiring.refresh_from_db()
    assert hiring.status == JobApplication.Status.HIRE_CANCELLED
    assert hiring.events.filter(status="hire_cancelled", note="기업 요청: 입사 취소", actor=staff).exists()
    assert PersonalDataAccess.objects.filter(
        account=staff, resident=hiring.resident, target="채용 취소(정정)", detail="기업 요청: 입사 취소"
    ).exists()


def test_an_employer_cannot_confirm_or_cancel_another_employers_applicant(client, hiring):
    other = factories.employer_user()
    client.force_login(other)
    assert client.get(hire_url(hiring)).status_code == 404
    assert hire(client, hiring).status_code == 404
    assert not Placement.objects.exists()


def test_the_employers_local_hire_progress_leaves_out_a_cancelled_hire(employer_user):
    from employers.selectors import agreements_with_progress
    from placements.services import cancel_hire

    agreement = factories.AgreementFactory(
        employer=employer_user.employer, planned_hires=10, local_hire_share=50
    )
    kept, cancelled = (
        factories.PlacementFactory(
            source=Placement.Source.AGREEMENT, agreement=agreement, employer=employer_user.employer
        )
        for _ in range(2)
    )
    assert agreements_with_progress(employer_user.employer)[0].local_hires == 2
    cancel_hire(placement=cancelled, by=employer_user, reason="중복 기록")
    assert agreements_with_progress(employer_user.employer)[0].local_hires == 1
