"""The resume journey in Chromium: a resident writes a resume, attaches a PDF and applies with it;
the employer opens the resume as it was sent, and its file."""

import pytest
from playwright.sync_api import expect

from audit.models import PersonalDataAccess
from placements.models import ApplicationResume
from tests import factories
from tests.browser.test_journeys import log_in
from tests.resumes.conftest import PDF_BYTES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_resident_attaches_a_pdf_to_a_resume_applies_with_it_and_the_employer_reads_it(
    new_page, screenshot, settings, tmp_path
):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "private"
    employer_user = factories.employer_user(username="hr@resume.example.kr")
    vacancy = factories.VacancyFactory(employer=employer_user.employer, title="물류센터 관리 사원")
    factories.ResidentFactory(with_user=True, name="최이력", email="resume@example.kr")
    pdf = tmp_path / "최이력 이력서.pdf"
    pdf.write_bytes(PDF_BYTES)

    resident = new_page()
    log_in(resident, "resume@example.kr")
    expect(resident.get_by_role("heading", name="최이력님의 정보")).to_be_visible()
    resident.get_by_role("link", name="새 이력서 만들기").first.click()
    resident.get_by_label("이력서 제목").fill("물류 경력 이력서")
    resident.get_by_label("지원동기").fill("물류 현장 경험을 살리고 싶습니다.")
    resident.locator("#id_careers-0-employer_name").fill("구로물류")
    resident.locator("#id_careers-0-started_on").fill("2018-03-01")
    resident.locator("#id_careers-0-ended_on").fill("2023-02-28")
    resident.locator("#id_careers-0-position").fill("대리")
    resident.get_by_label("첨부 파일", exact=True).set_input_files(str(pdf))
    resident.get_by_role("button", name="저장").click()
    expect(resident.get_by_text("이력서를 저장했습니다.")).to_be_visible()
    expect(resident.locator("#resume-file")).to_have_text("최이력 이력서.pdf")
    screenshot(resident, "resume-01-saved")

    resident.goto(f"/vacancies/{vacancy.pk}/")
    selected = resident.locator("#id_resume option:checked")
    expect(selected).to_contain_text("물류 경력 이력서")
    resident.get_by_role("button", name="이 공고에 지원하기").click()
    expect(resident.locator("#application-status")).to_have_text("지원")

    employer = new_page()
    log_in(employer, "hr@resume.example.kr")
    employer.goto(f"/employer/vacancies/{vacancy.pk}/")
    employer.get_by_role("link", name="이력서 보기").click()
    expect(employer.locator("#resume-sheet")).to_contain_text("물류 경력 이력서")
    expect(employer.locator("#resume-sheet")).to_contain_text("구로물류")
    expect(employer.locator("#resume-sheet")).to_contain_text("물류 현장 경험을 살리고 싶습니다.")
    screenshot(employer, "resume-02-employer-reads")
    snapshot = ApplicationResume.objects.get(application__vacancy=vacancy)
    href = employer.locator("#resume-file-link").get_attribute("href")
    response = employer.context.request.get(href)  # the employer's own session
    assert response.status == 200 and response.body() == PDF_BYTES
    assert snapshot.file_name == "최이력 이력서.pdf"
    assert PersonalDataAccess.objects.filter(account=employer_user, target="지원 이력서 첨부 파일").exists()
