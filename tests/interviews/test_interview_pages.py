"""The pages: the employer proposes from the applicant list, the applicant answers from /me/."""

import pytest

from interviews import services
from interviews.models import Interview
from tests import factories
from tests.interviews.conftest import in_days

pytestmark = pytest.mark.django_db


def test_the_applicant_list_links_to_the_interview_form_and_the_form_proposes(
    client, application, hr, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(hr)
    listing = client.get(f"/employer/vacancies/{application.vacancy_id}/").content.decode()
    assert f"/interviews/applications/{application.pk}/propose/" in listing
    assert f"/messages/applications/{application.pk}/" in listing
    form = client.get(f"/interviews/applications/{application.pk}/propose/")
    assert form.status_code == 200
    day = in_days(2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/interviews/applications/{application.pk}/propose/",
            {
                "day": f"{day:%Y-%m-%d}",
                "start_time": "15:00",
                "duration_minutes": "30",
                "mode": "online",
                "online_link": "https://meet.example.kr/guro",
                "contact_name": "박인사",
                "contact_phone": "02-860-0000",
            },
        )
    interview = Interview.objects.get(application=application)
    assert response.status_code == 302 and response["Location"] == f"/interviews/{interview.pk}/"
    assert interview.mode == "online" and f"{interview.starts_at.astimezone(day.tzinfo):%H:%M}" == "15:00"
    assert any(application.resident.user.email in message.to for message in mailoutbox)
    # While that interview is open the button shows it instead of a second form.
    again = client.get(f"/interviews/applications/{application.pk}/propose/")
    assert again.status_code == 302 and again["Location"] == f"/interviews/{interview.pk}/"


def test_a_past_time_comes_back_on_the_form_in_korean(client, application, hr):
    client.force_login(hr)
    response = client.post(
        f"/interviews/applications/{application.pk}/propose/",
        {
            "day": "2020-01-01",
            "start_time": "10:00",
            "duration_minutes": "30",
            "mode": "in_person",
            "place": "구로구청",
            "contact_name": "박인사",
            "contact_phone": "02-860-0000",
        },
    )
    assert response.status_code == 200
    assert "면접 일시는 지금보다 뒤여야 합니다." in response.content.decode()


def test_the_applicant_sees_it_on_my_page_and_confirms(client, application, hr, details):
    interview = services.propose_interview(application=application, by=hr, **details)
    client.force_login(application.resident.user)
    me = client.get("/me/").content.decode()
    assert f"/interviews/{interview.pk}/" in me and "응답을 기다리고 있습니다" in me
    page = client.get(f"/interviews/{interview.pk}/").content.decode()
    assert "디지털로 300" in page and "신분증" in page
    client.post(f"/interviews/{interview.pk}/respond/", {"answer": "confirmed"})
    interview.refresh_from_db()
    assert interview.status == "confirmed"
    ics = client.get(f"/interviews/{interview.pk}/interview.ics")
    assert ics["Content-Type"].startswith("text/calendar") and b"BEGIN:VEVENT" in ics.content


def test_nobody_else_opens_or_answers_the_interview(client, application, hr, details):
    interview = services.propose_interview(application=application, by=hr, **details)
    for user in (
        factories.employer_user(),
        factories.ResidentFactory(with_user=True).user,
        factories.staff_user(),
    ):
        client.force_login(user)
        assert client.get(f"/interviews/{interview.pk}/").status_code == 404
        assert client.post(f"/interviews/{interview.pk}/respond/", {"answer": "confirmed"}).status_code == 404
    client.force_login(hr)  # the employer reads, but cannot answer for the applicant
    client.post(f"/interviews/{interview.pk}/respond/", {"answer": "confirmed"})
    interview.refresh_from_db()
    assert interview.status == "proposed"
    client.force_login(application.resident.user)  # and the applicant cannot change the time
    assert client.get(f"/interviews/{interview.pk}/change/").status_code == 403


def test_the_resident_finds_interviews_bookings_and_messages_in_their_data_download(
    client, application, hr, details
):
    from conversations.services import send_message

    services.propose_interview(application=application, by=hr, **details)
    send_message(application=application, by=hr, body="면접 장소는 5층입니다.")
    client.force_login(application.resident.user)
    data = client.get("/me/data.json").json()
    text = str(data)
    assert "디지털로 300" in text and "면접 장소는 5층입니다." in text
