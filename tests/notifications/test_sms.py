"""The text-message backends: which of SMS and LMS a text is, the console and locmem backends, and
the NHN Cloud SMS v3.0 client against a local fake of its published API."""

import logging

import pytest
from django.utils import timezone

from notifications import sms
from notifications.tasks import send_text_task
from tests.notifications.fake_nhn import failure, success


def test_a_text_of_at_most_90_bytes_in_euc_kr_is_an_sms_and_longer_is_an_lms():
    assert sms.euc_kr_length("가" * 45) == 90
    assert sms.TextMessage(to="010-1234-5678", body="가" * 45).message_type == sms.SMS
    assert sms.TextMessage(to="010-1234-5678", body="가" * 45 + "a").message_type == sms.LMS
    assert sms.TextMessage(to="010-1234-5678", body="a" * 90).message_type == sms.SMS


def test_the_console_backend_logs_the_text_and_sends_nothing(settings, caplog, monkeypatch):
    settings.SMS_BACKEND = "notifications.sms.ConsoleSmsBackend"
    # An in-process Celery worker started by an earlier test reconfigures logging and may leave
    # existing loggers disabled; this test is about what the backend logs, so listen regardless.
    monkeypatch.setattr(logging.getLogger("notifications.sms"), "disabled", False)
    with caplog.at_level(logging.INFO, logger="notifications.sms"):
        assert sms.send_text(to="010-1234-5678", body="[구로 일자리] 면접 안내") == 1
    assert "010-1234-5678" in caplog.text
    assert "면접 안내" in caplog.text


def test_the_locmem_backend_keeps_texts_in_the_outbox(texts):
    sms.send_text(to="010-1234-5678", body="안녕하세요")
    assert [(text.to, text.body) for text in texts] == [("010-1234-5678", "안녕하세요")]


def test_nhn_client_posts_an_sms_in_the_published_v3_format(fake_nhn):
    assert sms.send_text(to="010-1234-5678", body="[구로 일자리] 서류 합격") == 1
    (request,) = fake_nhn.requests
    assert request["path"] == "/sms/v3.0/appKeys/test-app-key/sender/sms"
    assert request["headers"]["X-Secret-Key"] == "test-secret"
    assert request["headers"]["Content-Type"] == "application/json;charset=UTF-8"
    assert request["json"] == {
        "body": "[구로 일자리] 서류 합격",
        "sendNo": "028602114",
        "recipientList": [{"recipientNo": "01012345678"}],
    }


def test_nhn_client_sends_a_long_text_as_an_lms_with_a_title(fake_nhn):
    body = "면접 일정 안내입니다. " * 10
    sms.send_text(to="010-1234-5678", body=body, title="면접 안내")
    (request,) = fake_nhn.requests
    assert request["path"] == "/sms/v3.0/appKeys/test-app-key/sender/mms"
    assert request["json"]["title"] == "면접 안내"
    assert request["json"]["body"] == body


def test_a_refusal_in_the_answer_header_is_not_retried(fake_nhn):
    fake_nhn.answers.append((200, failure(-1001, "Invalid appKey"), 0))
    with pytest.raises(sms.SmsRefused):
        sms.send_text(to="010-1234-5678", body="안녕하세요")
    # The task logs the refusal and gives up (a retry would be refused again).
    fake_nhn.answers.append((200, failure(-1001, "Invalid appKey"), 0))
    assert send_text_task.apply(kwargs={"phone": "010-1234-5678", "body": "안녕하세요"}).get() is False
    assert len(fake_nhn.requests) == 2


def test_a_refused_recipient_is_a_refusal(fake_nhn):
    answer = success("01012345678")
    answer["body"]["data"]["sendResultList"][0].update(resultCode=-2002, resultMessage="Invalid recipient")
    fake_nhn.answers.append((200, answer, 0))
    with pytest.raises(sms.SmsRefused):
        sms.send_text(to="010-1234-5678", body="안녕하세요")


def test_a_server_error_is_a_temporary_failure_that_is_retried(fake_nhn):
    fake_nhn.answers.append((500, {"error": "busy"}, 0))
    with pytest.raises(sms.SmsProviderUnavailable) as raised:
        sms.send_text(to="010-1234-5678", body="안녕하세요")
    assert isinstance(raised.value, OSError)  # what send_text_task's autoretry_for catches
    assert OSError in send_text_task.autoretry_for
    assert send_text_task.retry_backoff


def test_a_provider_that_does_not_answer_in_time_is_a_temporary_failure(fake_nhn):
    fake_nhn.answers.append((200, None, 2))  # answers after 2 s; the client waits 0.5 s
    with pytest.raises(sms.SmsProviderUnavailable):
        sms.send_text(to="010-1234-5678", body="안녕하세요")


def test_a_number_is_found_on_the_account_or_through_registered_lookups(db):
    from tests import factories

    resident = factories.ResidentFactory(with_user=True, phone="010-2222-3333")
    assert sms.phone_number_of(resident.user) == "010-2222-3333"  # residents/apps.py registers it
    employer_user = factories.employer_user()
    assert sms.phone_number_of(employer_user) == ""
    employer_user.phone = "010-4444-5555"
    assert sms.phone_number_of(employer_user) == ""  # not before its owner confirmed it
    employer_user.phone_confirmed_at = timezone.now()
    assert sms.phone_number_of(employer_user) == "010-4444-5555"
