"""Resident and employer journeys in Chromium: the demo's open programs (any day), withdrawing a job
application, and a hire that is confirmed, then corrected by the employer and by staff."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from guro_jobs.demo import DemoCounts, seed_demo
from placements.models import JobApplication, Placement
from programs.models import Program, ProgramApplication
from programs.services import is_accepting_applications
from tests import factories
from tests.browser.test_journeys import log_in, tick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_new_resident_applies_to_an_open_demo_program_on_any_day(new_page, screenshot):
    today = timezone.localdate()
    counts = DemoCounts(
        residents=40, employers=4, vacancies=8, applications=20, program_applications=30, placements=20
    )
    seed_demo(counts=counts, seed=2010, today=today)

    # A newcomer signs up, leaving gender as "선택 안 함".
    page = new_page()
    page.goto("/accounts/signup/")
    page.get_by_label("이름").fill("한신규")
    page.get_by_label("생년월일").fill("1988-07-21")
    page.get_by_label("성별").select_option(label="선택 안 함")
    page.get_by_label("휴대전화").fill("010-7777-1212")
    page.get_by_label("이메일").fill("newcomer@example.kr")
    page.get_by_label("거주 행정동").select_option(label="구로3동")
    page.get_by_label("최종 학력").select_option(label="고등학교 졸업")
    page.locator("#id_password1").fill("guro-jobs-2026")
    page.locator("#id_password2").fill("guro-jobs-2026")
    tick(page, "id_consent_collection")
    page.get_by_role("button", name="가입하기").click()
    expect(page.get_by_role("heading", name="한신규님의 정보")).to_be_visible()

    # The programs page shows open, closed and upcoming rounds of this year.
    page.goto("/programs/")
    expect(page.get_by_text("접수 중").first).to_be_visible()
    expect(page.get_by_text("접수 기간 아님").first).to_be_visible()
    screenshot(page, "ja-01-demo-programs")
    program = next(
        p
        for p in Program.objects.filter(year=today.year, kind=Program.Kind.PUBLIC_WORKS)
        if is_accepting_applications(p)
    )
    page.goto(f"/programs/{program.pk}/")
    expect(page.locator("#eligibility-result")).to_have_text("신청 자격을 모두 충족합니다.")
    page.get_by_role("button", name="이 사업에 신청하기").click()
    expect(page.get_by_text("자격 충족").first).to_be_visible()
    screenshot(page, "ja-02-demo-program-applied")
    application = ProgramApplication.objects.get(resident__name="한신규", program=program)
    assert application.status == ProgramApplication.Status.ELIGIBLE
    assert application.resident.gender == ""


def test_a_resident_withdraws_a_job_application_and_the_employer_is_told(new_page, screenshot):
    employer_user = factories.employer_user(username="hr@withdraw.example.kr")
    vacancy = factories.VacancyFactory(employer=employer_user.employer, title="물류센터 입출고 사원")
    resident = factories.ResidentFactory(with_user=True, name="정취소", email="withdraw@example.kr")
    mail.outbox.clear()

    page = new_page()
    log_in(page, "withdraw@example.kr")
    page.goto(f"/vacancies/{vacancy.pk}/")
    page.get_by_role("button", name="이 공고에 지원하기").click()
    expect(page.locator("#application-status")).to_have_text("지원")
    page.goto("/me/")
    page.get_by_role("button", name="물류센터 입출고 사원 지원 취소").click()
    expect(page.get_by_text("'물류센터 입출고 사원' 지원을 취소했습니다.")).to_be_visible()
    expect(page.locator("#job-applications ~ ul .status-withdrawn")).to_have_text("지원 취소")
    expect(page.get_by_role("button", name="물류센터 입출고 사원 지원 취소")).to_have_count(0)
    screenshot(page, "ja-03-job-application-withdrawn")

    application = JobApplication.objects.get(resident=resident, vacancy=vacancy)
    assert application.status == JobApplication.Status.WITHDRAWN
    assert list(application.events.values_list("status", flat=True)) == ["applied", "withdrawn"]
    assert any("hr@withdraw.example.kr" in m.to and "지원이 취소되었습니다" in m.subject for m in mail.outbox)


def test_an_employer_confirms_a_hire_corrects_it_and_staff_correct_a_later_one(
    new_page, screenshot, settings
):
    settings.HIRE_CORRECTION_HOURS = 72
    employer_user = factories.employer_user(username="hr@hire.example.kr")
    vacancy = factories.VacancyFactory(
        employer=employer_user.employer, title="매장 관리자", wage_amount=2_600_000, wage_unit="monthly"
    )
    application = factories.JobApplicationFactory(
        vacancy=vacancy,
        resident=factories.ResidentFactory(name="오채용", birth_date=datetime.date(1985, 2, 3)),
    )
    staff_user = factories.staff_user()
    staff_device = TOTPDevice.objects.create(user=staff_user, name="인증 앱", confirmed=True)

    employer = new_page()
    log_in(employer, "hr@hire.example.kr")
    employer.goto(f"/employer/vacancies/{vacancy.pk}/")
    employer.get_by_role("link", name="채용", exact=True).click()
    expect(employer.get_by_role("heading", name="채용 확인")).to_be_visible()
    expect(employer.get_by_label("월 임금(원)")).to_have_value("2600000")
    employer.get_by_label("근무 시작일").fill("2026-12-14")
    employer.get_by_label("월 임금(원)").fill("2700000")
    screenshot(employer, "ja-04-hire-confirmation")
    employer.get_by_role("button", name="채용 확정").click()
    expect(employer.get_by_text("오채용님을 채용했습니다.", exact=False)).to_be_visible()
    expect(employer.get_by_role("link", name="채용 취소(정정)")).to_be_visible()
    screenshot(employer, "ja-05-hired-with-correction-window")
    placement = Placement.objects.get(job_application=application)
    assert (placement.started_on, placement.monthly_wage) == (datetime.date(2026, 12, 14), 2_700_000)

    # A misclick: the employer cancels within the window, with a reason.
    employer.get_by_role("link", name="채용 취소(정정)").click()
    employer.get_by_role("button", name="채용 취소").click()
    expect(employer.locator("#error-summary")).to_be_focused()
    employer.get_by_label("취소 사유").fill("다른 지원자를 잘못 눌렀습니다")
    employer.get_by_role("button", name="채용 취소").click()
    expect(employer.get_by_text("오채용님의 채용을 취소했습니다.", exact=False)).to_be_visible()
    expect(employer.locator(".status-hire_cancelled")).to_have_text("채용 취소(정정)")
    screenshot(employer, "ja-06-hire-cancelled")
    placement.refresh_from_db()
    assert placement.status == Placement.Status.CANCELLED

    # Hired again; three days later the employer can no longer correct it, staff do in the admin.
    employer.get_by_role("link", name="채용", exact=True).click()
    employer.get_by_role("button", name="채용 확정").click()
    Placement.objects.filter(pk=placement.pk).update(
        recorded_at=timezone.now() - datetime.timedelta(hours=73)
    )
    employer.reload()
    expect(employer.get_by_text("정정은 일자리지원과에 요청해 주세요.")).to_be_visible()
    expect(employer.get_by_role("link", name="채용 취소(정정)")).to_have_count(0)

    staff = new_page()
    staff.goto("/admin/login/")
    staff.locator("#id_username").fill(staff_user.username)
    staff.locator("#id_password").fill(factories.PASSWORD)
    # Staff give their authenticator app's code as well (enrolment: test_second_factor_journeys.py).
    staff.locator("#id_otp_token").fill(factories.current_totp_code(staff_device))
    staff.locator("input[type=submit]").click()
    staff.goto(f"/admin/placements/placement/{placement.pk}/change/")
    staff.get_by_role("link", name="이 실적을 취소(정정)하기").click()
    staff.get_by_label("취소 사유").fill("기업 요청: 입사 포기")
    screenshot(staff, "ja-07-staff-cancel-form")
    staff.get_by_role("button", name="실적 취소").click()
    expect(staff.get_by_text("실적을 취소했습니다.", exact=False)).to_be_visible()
    screenshot(staff, "ja-08-staff-cancelled")
    placement.refresh_from_db()
    assert (placement.status, placement.cancelled_by) == (Placement.Status.CANCELLED, staff_user)
    notes = list(application.events.filter(status="hire_cancelled").values_list("note", flat=True))
    assert notes == ["다른 지원자를 잘못 눌렀습니다", "기업 요청: 입사 포기"]
