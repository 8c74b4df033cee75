"""The interview journey in Chromium: the employer proposes an interview from the applicant list,
the applicant confirms it from /me/, and both got the calendar file by mail."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from interviews.models import Interview
from placements.models import JobApplication
from tests import factories
from tests.browser.test_journeys import log_in, tick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_employer_proposes_an_interview_and_the_applicant_confirms_it(new_page, screenshot):
    employer_user = factories.employer_user(username="hr@interview.example.kr")
    vacancy = factories.VacancyFactory(employer=employer_user.employer, title="전자부품 품질 검사원")
    resident = factories.ResidentFactory(with_user=True, name="이면접", email="interview@example.kr")
    application = factories.JobApplicationFactory(resident=resident, vacancy=vacancy)
    day = timezone.localdate() + datetime.timedelta(days=3)
    mail.outbox.clear()

    employer = new_page()
    log_in(employer, "hr@interview.example.kr")
    employer.goto(f"/employer/vacancies/{vacancy.pk}/")
    employer.get_by_role("link", name="이면접님 면접 일정").click()
    expect(employer.get_by_role("heading", name="면접 제안")).to_be_visible()
    employer.get_by_label("면접 날짜").fill(f"{day:%Y-%m-%d}")
    employer.get_by_label("시작 시간").fill("14:30")
    employer.get_by_label("소요 시간(분)").fill("40")
    employer.get_by_label("장소").fill("서울특별시 구로구 디지털로 300, 5층")
    employer.locator("#id_contact_name").fill("박인사")
    employer.locator("#id_contact_phone").fill("02-860-0000")
    employer.get_by_label("준비물").fill("신분증")
    screenshot(employer, "iv-01-employer-proposes")
    employer.locator("#send-interview").click()
    expect(employer.locator("#interview-status")).to_have_text("일정 제안")

    applicant = new_page()
    log_in(applicant, "interview@example.kr")
    applicant.goto("/me/")
    expect(applicant.get_by_text("응답을 기다리고 있습니다")).to_be_visible()
    applicant.get_by_role("link", name="전자부품 품질 검사원").last.click()
    expect(applicant.get_by_text("서울특별시 구로구 디지털로 300, 5층")).to_be_visible()
    tick(applicant, "id_answer_0")  # 참석하겠습니다
    screenshot(applicant, "iv-02-applicant-confirms")
    applicant.locator("#send-response").click()
    expect(applicant.locator("#interview-status")).to_have_text("참석 확정")

    employer.reload()
    expect(employer.locator("#interview-status")).to_have_text("참석 확정")
    interview = Interview.objects.get(application=application)
    assert interview.status == Interview.Status.CONFIRMED
    assert f"{timezone.localtime(interview.starts_at):%H:%M}" == "14:30"
    assert JobApplication.objects.get(pk=application.pk).status == JobApplication.Status.INTERVIEW
    to_applicant = [m for m in mail.outbox if "interview@example.kr" in m.to]
    assert len(to_applicant) == 2  # the proposal and the confirmation
    assert all(any(a[0] == "interview.ics" for a in m.attachments) for m in to_applicant)
