"""The API of an application's interviews and messages: the employer proposes, the applicant
answers; staff read messages only after a help request, and their reads are logged."""

import pytest
from rest_framework.test import APIClient

from audit.models import PersonalDataAccess
from conversations import services as conversation_services
from tests import factories
from tests.interviews.conftest import in_days

pytestmark = pytest.mark.django_db


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_employer_proposes_and_the_applicant_confirms_through_the_api(application, hr, mailoutbox):
    url = f"/api/v1/job-applications/{application.pk}/interviews/"
    body = {
        "starts_at": in_days(2).isoformat(),
        "mode": "online",
        "online_link": "https://meet.example.kr/x",
        "contact_name": "박인사",
        "contact_phone": "02-860-0000",
    }
    created = client_for(hr).post(url, body, format="json")
    assert created.status_code == 201, created.json()
    interview_id = created.json()["id"]
    assert created.json()["status"] == "proposed"
    assert client_for(factories.staff_user()).post(url, body, format="json").status_code == 403
    answered = client_for(application.resident.user).post(
        f"{url}{interview_id}/respond/", {"answer": "confirmed"}, format="json"
    )
    assert answered.status_code == 200 and answered.json()["status"] == "confirmed"
    past = client_for(hr).post(url, {**body, "starts_at": "2020-01-01T10:00:00+09:00"}, format="json")
    assert past.status_code == 400


def test_staff_get_messages_only_after_a_help_request_and_the_read_is_logged(application, hr):
    staff = factories.staff_user()
    url = f"/api/v1/job-applications/{application.pk}/messages/"
    conversation_services.send_message(application=application, by=hr, body="서류를 다시 보내 주세요.")
    assert client_for(staff).get(url).status_code == 403
    conversation_services.request_help(application=application, by=application.resident.user)
    response = client_for(staff).get(url)
    assert response.status_code == 200
    assert [message["body"] for message in response.json()["results"]] == ["서류를 다시 보내 주세요."]
    assert PersonalDataAccess.objects.filter(account=staff, row_count=1).exists()
    assert client_for(factories.manager_user()).get(url).status_code == 403


def test_a_message_over_the_limit_is_refused(application, settings):
    url = f"/api/v1/job-applications/{application.pk}/messages/"
    too_long = "가" * (settings.APPLICATION_MESSAGE_MAX_LENGTH + 1)
    response = client_for(application.resident.user).post(url, {"body": too_long}, format="json")
    assert response.status_code == 400 and "body" in response.json()
