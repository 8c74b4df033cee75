"""A resident withdraws a job application before being hired: timeline entry and a mail to the employer."""

import pytest
from rest_framework.test import APIClient

from placements.models import JobApplication
from placements.services import move_job_application
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def application():
    employer_user = factories.employer_user(username="hr@withdraw.example.kr")
    vacancy = factories.VacancyFactory(employer=employer_user.employer, title="물류 관리 사원")
    resident = factories.ResidentFactory(with_user=True)
    return factories.JobApplicationFactory(resident=resident, vacancy=vacancy)


def withdraw_url(application):
    return f"/me/job-applications/{application.pk}/withdraw/"


def test_resident_withdraws_an_application_with_a_timeline_entry_and_the_employer_is_mailed(
    client, application, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(application.resident.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(withdraw_url(application))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == JobApplication.Status.WITHDRAWN
    last = application.events.order_by("occurred_at", "id").last()
    assert last.status == JobApplication.Status.WITHDRAWN
    assert last.actor == application.resident.user
    assert "hr@withdraw.example.kr" in {address for message in mailoutbox for address in message.to}
    mail = next(m for m in mailoutbox if "hr@withdraw.example.kr" in m.to)
    assert "물류 관리 사원" in mail.subject and "취소" in mail.subject
    page = client.get("/me/").content.decode()
    assert "지원 취소" in page


def test_my_page_offers_withdrawal_only_before_hire(client, application):
    client.force_login(application.resident.user)
    assert withdraw_url(application) in client.get("/me/").content.decode()
    move_job_application(application=application, status="hired", by=None)
    assert withdraw_url(application) not in client.get("/me/").content.decode()


def test_a_hired_application_cannot_be_withdrawn_and_the_message_is_korean(client, application):
    move_job_application(application=application, status="hired", by=None)
    client.force_login(application.resident.user)
    response = client.post(withdraw_url(application), follow=True)
    application.refresh_from_db()
    assert application.status == JobApplication.Status.HIRED
    assert "채용이 결정된 뒤에는 지원을 취소할 수 없습니다" in response.content.decode()


def test_a_resident_cannot_withdraw_someone_elses_application(client, application):
    other = factories.ResidentFactory(with_user=True)
    client.force_login(other.user)
    assert client.post(withdraw_url(application)).status_code == 404
    application.refresh_from_db()
    assert application.status == JobApplication.Status.APPLIED


def test_api_withdrawal_also_mails_the_employer(application, mailoutbox, django_capture_on_commit_callbacks):
    api = APIClient()
    api.force_authenticate(application.resident.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(f"/api/v1/job-applications/{application.pk}/withdraw/")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "withdrawn"
    assert "hr@withdraw.example.kr" in {address for message in mailoutbox for address in message.to}
