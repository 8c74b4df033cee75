"""Messages on an application: the two sides write and are mailed; staff read only when help was
asked, and every staff read is in the access log."""

import pytest
from django.core.exceptions import ValidationError

from audit.models import PersonalDataAccess
from conversations import services
from conversations.models import Message, Thread
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def hr(db):
    return factories.employer_user(username="hr@messages.example.kr")


@pytest.fixture
def application(hr):
    vacancy = factories.VacancyFactory(employer=hr.employer, title="사무 보조")
    return factories.JobApplicationFactory(
        resident=factories.ResidentFactory(with_user=True), vacancy=vacancy
    )


def thread_url(application):
    return f"/messages/applications/{application.pk}/"


def test_each_message_mails_the_other_side_but_not_its_text(
    application, hr, mailoutbox, django_capture_on_commit_callbacks
):
    resident_user = application.resident.user
    with django_capture_on_commit_callbacks(execute=True):
        services.send_message(
            application=application, by=resident_user, body="면접 때 포트폴리오를 가져가도 될까요?"
        )
    assert [message.to for message in mailoutbox] == [[hr.email]]
    assert "포트폴리오" not in mailoutbox[0].body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.send_message(application=application, by=hr, body="네, 가져오세요.")
    assert [message.to for message in mailoutbox] == [[resident_user.email]]
    assert list(Message.objects.values_list("side", flat=True)) == ["resident", "employer"]


def test_only_the_two_sides_write_and_text_has_a_length_limit(application, settings):
    for outsider in (
        factories.employer_user(),
        factories.ResidentFactory(with_user=True).user,
        factories.staff_user(),
    ):
        with pytest.raises(ValidationError, match="구직자와 기업 담당자만"):
            services.send_message(application=application, by=outsider, body="안녕하세요")
    with pytest.raises(ValidationError) as error:
        services.send_message(
            application=application,
            by=application.resident.user,
            body="가" * (settings.APPLICATION_MESSAGE_MAX_LENGTH + 1),
        )
    assert "1,000자" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.send_message(application=application, by=application.resident.user, body="   ")


def test_an_employer_loses_the_thread_when_the_resident_withdraws_consent(client, application, hr):
    services.send_message(application=application, by=hr, body="서류 확인했습니다.")
    resident = application.resident
    resident.provision_consented_at = None
    resident.save()
    client.force_login(hr)
    assert client.get(thread_url(application)).status_code == 404
    with pytest.raises(ValidationError):
        services.send_message(application=application, by=hr, body="다시 연락드립니다.")


def test_the_thread_page_for_each_role(client, application, hr):
    services.send_message(
        application=application, by=application.resident.user, body="출근 시간이 궁금합니다."
    )
    client.force_login(application.resident.user)
    assert "출근 시간이 궁금합니다." in client.get(thread_url(application)).content.decode()
    client.force_login(hr)
    assert "출근 시간이 궁금합니다." in client.get(thread_url(application)).content.decode()
    client.force_login(factories.employer_user())
    assert client.get(thread_url(application)).status_code == 404
    client.force_login(factories.ResidentFactory(with_user=True).user)
    assert client.get(thread_url(application)).status_code == 404
    client.force_login(factories.manager_user())
    assert client.get(thread_url(application)).status_code == 404


def test_staff_read_only_after_a_help_request_and_each_read_is_logged(client, application, hr):
    staff = factories.staff_user()
    services.send_message(application=application, by=hr, body="주말 근무가 가능한가요?")
    client.force_login(staff)
    assert client.get(thread_url(application)).status_code == 403
    assert not PersonalDataAccess.objects.filter(account=staff).exists()

    client.force_login(application.resident.user)
    client.post(f"/messages/applications/{application.pk}/help/", {"note": "답을 못 받고 있어요"})
    thread = Thread.objects.get(application=application)
    assert thread.help_open

    client.force_login(staff)
    page = client.get(thread_url(application))
    assert page.status_code == 200 and "주말 근무가 가능한가요?" in page.content.decode()
    log = PersonalDataAccess.objects.get(account=staff)
    assert log.resident == application.resident and log.action == "view"
    # Staff may answer while helping; both sides hear of it.
    client.post(thread_url(application), {"body": "일자리지원과입니다. 기업에 확인하겠습니다."})
    assert Message.objects.filter(side="staff").count() == 1

    client.post(f"/messages/applications/{application.pk}/help/close/")
    assert client.get(thread_url(application)).status_code == 403
    assert PersonalDataAccess.objects.filter(account=staff).count() == 2  # the page and the reply's read


def test_the_admin_lists_only_threads_that_asked_for_help(client, application, hr):
    quiet = factories.JobApplicationFactory(
        vacancy=application.vacancy, resident=factories.ResidentFactory(with_user=True)
    )
    services.send_message(application=quiet, by=hr, body="조용한 대화")
    services.send_message(application=application, by=hr, body="도움 필요한 대화")
    services.request_help(application=application, by=hr, note="연락이 안 됩니다")
    client.force_login(factories.staff_user())
    page = client.get("/admin/conversations/thread/").content.decode()
    assert "연락이 안 됩니다" in page
    assert f"/messages/applications/{quiet.pk}/" not in page
    assert f"/messages/applications/{application.pk}/" in page


def test_my_page_links_each_application_to_its_messages(client, application):
    client.force_login(application.resident.user)
    assert thread_url(application) in client.get("/me/").content.decode()


def test_anonymising_the_resident_erases_the_messages_text(application, hr):
    from residents.services import anonymise_resident

    services.send_message(
        application=application, by=application.resident.user, body="제 번호는 010-1234-5678입니다."
    )
    services.send_message(application=application, by=hr, body="이면접님, 연락드리겠습니다.")
    anonymise_resident(resident=application.resident)
    assert set(Message.objects.values_list("body", flat=True)) == {"(삭제됨)"}
    assert Message.objects.count() == 2
