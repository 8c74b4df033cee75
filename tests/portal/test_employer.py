"""/employer/: quota progress, drafting and submitting vacancies, staff approval, applicants, hires."""

import html

import pytest
from django.core import mail

from employers.models import Vacancy
from placements.models import JobApplication, Placement
from tests import factories

pytestmark = pytest.mark.django_db


def vacancy_data(**overrides):
    data = {
        "title": "매장 판매직",
        "description": "백화점 매장 판매와 고객 응대",
        "occupation": factories.occupation().pk,
        "employment_type": "full_time",
        "wage_amount": "2300000",
        "wage_unit": "monthly",
        "weekly_hours": "40",
        "work_place": "서울특별시 구로구 경인로 662",
        "dong": factories.dong("신도림동").pk,
        "openings": "3",
    }
    data.update(overrides)
    return data


def test_employer_home_shows_the_agreement_quota_and_local_hires_so_far(client):
    agreement = factories.AgreementFactory(planned_hires=1000, local_hire_share=50)
    user = factories.employer_user(employer=agreement.employer)
    for _ in range(3):
        factories.PlacementFactory(
            employer=agreement.employer, agreement=agreement, source="agreement", guro_resident_at_hire=True
        )
    factories.PlacementFactory(
        employer=agreement.employer,
        agreement=agreement,
        source="agreement",
        guro_resident_at_hire=False,
        dong_at_hire=None,
    )
    client.force_login(user)
    page = client.get("/employer/").content.decode()
    assert '<span class="figure">3</span> / 500' in page


def test_employer_drafts_edits_and_submits_a_vacancy_for_review(client, employer_user):
    client.force_login(employer_user)
    response = client.post("/employer/vacancies/new/", vacancy_data())
    vacancy = Vacancy.objects.get(title="매장 판매직")
    assert response.status_code == 302
    assert vacancy.status == "draft" and vacancy.employer == employer_user.employer
    client.post(f"/employer/vacancies/{vacancy.pk}/edit/", vacancy_data(openings="5"))
    vacancy.refresh_from_db()
    assert vacancy.openings == 5
    client.post(f"/employer/vacancies/{vacancy.pk}/submit/")
    vacancy.refresh_from_db()
    assert vacancy.status == "pending_review"
    assert client.get(f"/employer/vacancies/{vacancy.pk}/edit/").status_code == 200
    client.post(f"/employer/vacancies/{vacancy.pk}/edit/", vacancy_data(openings="9"))
    vacancy.refresh_from_db()
    assert vacancy.openings == 5 and vacancy.status == "pending_review"


def test_vacancy_form_errors_are_korean_per_field_and_nothing_is_saved(client, employer_user):
    client.force_login(employer_user)
    response = client.post(
        "/employer/vacancies/new/", vacancy_data(title="", weekly_hours="99", wage_amount="많이")
    )
    page = response.content.decode()
    assert "필수 항목입니다." in page
    assert "68 이하의 값을 입력해 주세요." in page
    assert "정수를 입력하세요." in page
    assert 'value="많이"' in page
    assert not Vacancy.objects.exists()


def test_employer_cannot_choose_another_employers_agreement(client, employer_user):
    other = factories.AgreementFactory()
    client.force_login(employer_user)
    response = client.post("/employer/vacancies/new/", vacancy_data(agreement=other.pk))
    assert response.status_code == 200
    assert not Vacancy.objects.exists()


def test_staff_approve_a_vacancy_with_the_admin_action_and_the_employer_is_mailed(
    client, staff_user, employer_user, django_capture_on_commit_callbacks
):
    vacancy = factories.VacancyFactory(
        employer=employer_user.employer, status="pending_review", posted_on=None
    )
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/employers/vacancy/",
            {"action": "approve_selected", "_selected_action": [vacancy.pk]},
            follow=True,
        )
    assert "공고 1건을 승인했습니다." in response.content.decode()
    vacancy.refresh_from_db()
    assert vacancy.status == "open" and vacancy.approved_by == staff_user
    assert any("승인" in message.subject for message in mail.outbox)


def test_applicants_page_shows_consented_applicants_with_birth_year_not_birth_date(client, employer_user):
    vacancy = factories.VacancyFactory(employer=employer_user.employer)
    consented = factories.ResidentFactory(name="동의함", birth_date="1985-07-09")
    refused = factories.ResidentFactory(name="동의안함", provision_consented_at=None)
    factories.JobApplicationFactory(resident=consented, vacancy=vacancy)
    factories.JobApplicationFactory(resident=refused, vacancy=vacancy)
    client.force_login(employer_user)
    page = client.get(f"/employer/vacancies/{vacancy.pk}/").content.decode()
    assert "동의함" in page and "1985년생" in page
    assert "1985-07-09" not in page and "7월 9일" not in page
    assert "동의안함" not in page
    assert "디지털로 300" not in page.split('id="applicants"')[1]  # no address line


def test_employer_moves_an_applicant_to_interview_then_hired_which_records_the_placement(
    client, employer_user
):
    vacancy = factories.VacancyFactory(employer=employer_user.employer)
    application = factories.JobApplicationFactory(vacancy=vacancy)
    client.force_login(employer_user)
    client.post(f"/employer/applications/{application.pk}/move/", {"status": "interview"})
    client.post(
        f"/employer/applications/{application.pk}/hire/",
        {"started_on": "2026-12-01", "monthly_wage": "2300000"},
    )
    application.refresh_from_db()
    assert application.status == "hired"
    placement = Placement.objects.get(job_application=application)
    assert placement.sector == "private" and placement.guro_resident_at_hire is True


def test_a_rejected_applicant_cannot_be_hired_and_the_message_is_korean(client, employer_user):
    application = factories.JobApplicationFactory(
        vacancy=factories.VacancyFactory(employer=employer_user.employer)
    )
    client.force_login(employer_user)
    client.post(f"/employer/applications/{application.pk}/move/", {"status": "rejected"})
    response = client.post(f"/employer/applications/{application.pk}/move/", {"status": "hired"}, follow=True)
    assert "'불합격' 상태에서 '채용' 상태로 바꿀 수 없습니다." in html.unescape(response.content.decode())
    assert JobApplication.objects.get().status == "rejected"
    assert not Placement.objects.exists()


def test_employer_closes_or_marks_a_vacancy_filled(client, employer_user):
    vacancy = factories.VacancyFactory(employer=employer_user.employer)
    client.force_login(employer_user)
    client.post(f"/employer/vacancies/{vacancy.pk}/filled/")
    vacancy.refresh_from_db()
    assert vacancy.status == "filled"


def test_applicants_page_queries_do_not_grow_with_the_number_of_applicants(
    client, employer_user, django_assert_max_num_queries
):
    vacancy = factories.VacancyFactory(employer=employer_user.employer)
    for _ in range(10):
        factories.JobApplicationFactory(vacancy=vacancy)
    client.force_login(employer_user)
    with django_assert_max_num_queries(12):
        assert client.get(f"/employer/vacancies/{vacancy.pk}/").status_code == 200
