"""The whole portal in a real browser: a resident, an employer and district staff, end to end."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from employers.models import Vacancy
from placements.models import Placement
from tests import factories

# serialized_rollback: the reference data from data migrations is restored before each test.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in(page, username, password=factories.PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("이메일 또는 휴대전화 번호").fill(username)
    page.get_by_label("비밀번호").fill(password)
    page.get_by_role("button", name="로그인").click()


def tick(page, input_id):
    """Tick a KRDS checkbox the way a person does: by its label, which draws the box."""
    if not page.locator(f"#{input_id}").is_checked():
        page.locator(f"label[for={input_id}]").click()
    expect(page.locator(f"#{input_id}")).to_be_checked()


def test_resident_employer_and_staff_journey_ends_with_the_resident_hired(new_page, screenshot):
    program = factories.ProgramFactory(name="2026 구로 공공근로", capacity=30)
    employer_user = factories.employer_user(username="hr@dcube.example.kr")
    staff_user = factories.staff_user()
    staff_device = TOTPDevice.objects.create(user=staff_user, name="인증 앱", confirmed=True)

    # A resident signs up with the PIPA consent (collection only; provision is asked later).
    resident = new_page()
    resident.goto("/")
    expect(resident.get_by_role("heading", name="구로 일자리 원스톱 포털", level=1)).to_be_visible()
    screenshot(resident, "01-home")
    resident.get_by_role("link", name="회원가입").first.click()
    expect(resident.get_by_text("동의를 거부할 권리").first).to_be_visible()
    resident.get_by_label("이름").fill("박가리")
    resident.get_by_label("생년월일").fill("1990-03-15")
    resident.get_by_label("성별").select_option(label="여성")
    resident.get_by_label("휴대전화").fill("010-5555-6666")
    resident.get_by_label("이메일").fill("gari@example.kr")
    resident.get_by_label("거주 행정동").select_option(label="가리봉동")
    resident.get_by_label("최종 학력").select_option(label="고등학교 졸업")
    resident.locator("#id_password1").fill("short")
    resident.locator("#id_password2").fill("short")
    tick(resident, "id_consent_collection")
    resident.get_by_role("button", name="가입하기").click()
    # A weak password comes back with an error summary and the typed name kept.
    expect(resident.locator("#error-summary")).to_be_focused()
    expect(resident.get_by_label("이름")).to_have_value("박가리")
    screenshot(resident, "02-signup-errors")
    resident.locator("#id_password1").fill("guro-jobs-2026")
    resident.locator("#id_password2").fill("guro-jobs-2026")
    tick(resident, "id_consent_collection")
    resident.get_by_role("button", name="가입하기").click()
    expect(resident.get_by_role("heading", name="박가리님의 정보")).to_be_visible()

    # Eligibility check that explains itself, then apply to the program.
    resident.goto(f"/programs/{program.pk}/")
    expect(resident.locator("#eligibility-result")).to_have_text("신청 자격을 모두 충족합니다.")
    expect(resident.get_by_text("나이 조건(만 18세 이상)을 충족합니다.")).to_be_visible()
    screenshot(resident, "03-program-eligibility")
    resident.get_by_role("button", name="이 사업에 신청하기").click()
    expect(resident.get_by_text("자격 충족").first).to_be_visible()

    # The employer drafts a vacancy and submits it for review.
    employer = new_page()
    log_in(employer, "hr@dcube.example.kr")
    expect(employer.get_by_role("heading", name=f"{employer_user.employer.name} 기업 화면")).to_be_visible()
    employer.get_by_role("link", name="새 채용 공고 작성").click()
    employer.get_by_label("채용 제목").fill("매장 판매직 (지역 주민 우대)")
    employer.get_by_label("업무 내용").fill("매장 판매와 고객 응대")
    employer.get_by_label("직종").select_option(index=1)
    employer.get_by_label("고용 형태").select_option(label="정규직")
    employer.get_by_label("임금(원)").fill("2300000")
    employer.get_by_label("주당 근로시간").fill("40")
    employer.get_by_label("근무지 주소").fill("서울특별시 구로구 경인로 662")
    employer.get_by_label("근무지 행정동").select_option(label="신도림동")
    employer.get_by_label("모집 인원").fill("3")
    screenshot(employer, "04-employer-vacancy-form")
    employer.get_by_role("button", name="저장").click()
    employer.get_by_role("button", name="승인 요청").click()
    expect(employer.locator("#vacancy-status")).to_have_text("승인 대기")
    vacancy = Vacancy.objects.get(title="매장 판매직 (지역 주민 우대)")

    # District staff approve it in the admin.
    staff = new_page()
    staff.goto("/admin/login/")
    staff.locator("#id_username").fill(staff_user.username)
    staff.locator("#id_password").fill(factories.PASSWORD)
    # Staff give their authenticator app's code as well (enrolment: test_second_factor_journeys.py).
    staff.locator("#id_otp_token").fill(factories.current_totp_code(staff_device))
    staff.locator("input[type=submit]").click()
    staff.goto("/admin/employers/vacancy/?status__exact=pending_review")
    staff.locator(f"input[name=_selected_action][value='{vacancy.pk}']").check()
    staff.locator("select[name=action]").select_option("approve_selected")
    staff.locator("button[name=index]").click()
    expect(staff.get_by_text("공고 1건을 승인했습니다.")).to_be_visible()
    screenshot(staff, "05-staff-approved")

    # The resident finds it, consents to provision on the spot, and applies.
    resident.goto("/vacancies/?q=판매직")
    screenshot(resident, "06-vacancy-search")
    resident.get_by_role("link", name="매장 판매직 (지역 주민 우대)").click()
    resident.get_by_role("button", name="이 공고에 지원하기").click()
    expect(resident.locator("#error-summary")).to_be_visible()
    tick(resident, "id_consent_provision")
    resident.get_by_role("button", name="이 공고에 지원하기").click()
    expect(resident.locator("#application-status")).to_have_text("지원")
    screenshot(resident, "07-vacancy-applied")

    # The employer sees the applicant (birth year only) and hires them.
    employer.goto(f"/employer/vacancies/{vacancy.pk}/")
    expect(employer.get_by_text("1990년생 · 여성")).to_be_visible()
    employer.get_by_role("button", name="면접").click()
    employer.get_by_role("link", name="채용", exact=True).click()
    employer.get_by_label("월 임금(원)").fill("2300000")
    employer.get_by_role("button", name="채용 확정").click()
    expect(employer.get_by_text("님을 채용했습니다.", exact=False)).to_be_visible()
    screenshot(employer, "08-employer-hired")
    assert Placement.objects.filter(job_application__vacancy=vacancy, guro_resident_at_hire=True).exists()

    # The resident sees "hired" on their page.
    resident.goto("/me/")
    expect(resident.locator(".status-hired")).to_have_text("채용")
    screenshot(resident, "09-me-hired")


def test_pages_work_on_a_phone_screen_and_by_keyboard(new_page, screenshot):
    factories.VacancyFactory(title="요양보호사")
    page = new_page(width=375, height=740)
    page.goto("/vacancies/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="본문 바로가기")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    screenshot(page, "10-mobile-vacancies")
    # Nothing wider than the phone: no sideways scrolling (WCAG 1.4.10 reflow).
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
