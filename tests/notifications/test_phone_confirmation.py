"""The number an employer's (or staff's) account gives for its notices is texted only once its
owner typed the code sent to it: a mistyped or someone else's number never gets notices."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from notifications import phone_confirmation
from notifications.kinds import Channel, MailKind
from notifications.services import notify
from tests import factories

pytestmark = pytest.mark.django_db


def last_code(texts):
    return re.search(r"\[(\d{6})\]", texts[-1].body).group(1)


def give_number(client, number="010-5555-6666"):
    return client.post("/me/mail/", {"wanted": MailKind.values, "channel": Channel.BOTH, "phone": number})


@pytest.fixture
def employer_client(client):
    user = factories.employer_user()
    client.force_login(user)
    client.user = user
    return client


def test_a_new_number_gets_a_code_and_notices_go_by_mail_until_it_is_typed(
    employer_client, texts, mailoutbox, django_capture_on_commit_callbacks
):
    user = employer_client.user
    with django_capture_on_commit_callbacks(execute=True):
        response = give_number(employer_client)
    assert response.url == "/me/mail/phone/"
    (code_text,) = texts
    assert code_text.to == "010-5555-6666" and "인증번호" in code_text.body
    code = last_code(texts)
    user.refresh_from_db()
    assert user.phone_confirmed_at is None

    texts.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=user, kind=MailKind.NEW_APPLICANT, subject="새 지원자가 있습니다", body="본문")
    assert texts == [] and len(mailoutbox) == 1  # mail, not a text to an unconfirmed number

    wrong = employer_client.post("/me/mail/phone/", {"code": f"{(int(code) + 1) % 10**6:06d}"})
    assert "인증번호가 맞지 않습니다" in wrong.content.decode()
    confirmed = employer_client.post("/me/mail/phone/", {"code": code}, follow=True)
    assert "휴대전화 번호를 확인했습니다" in confirmed.content.decode()
    user.refresh_from_db()
    assert user.phone_confirmed_at is not None

    texts.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=user, kind=MailKind.NEW_APPLICANT, subject="새 지원자가 있습니다", body="본문")
    assert [text.to for text in texts] == ["010-5555-6666"]


def test_changing_the_number_needs_a_new_confirmation(employer_client, texts):
    user = employer_client.user
    user.phone, user.phone_confirmed_at, user.notice_channel = "010-5555-6666", timezone.now(), Channel.BOTH
    user.save()
    give_number(employer_client, "010-5555-6666")  # the same number: still confirmed
    user.refresh_from_db()
    assert user.phone_confirmed_at is not None
    give_number(employer_client, "010-7777-8888")
    user.refresh_from_db()
    assert (user.phone, user.phone_confirmed_at) == ("010-7777-8888", None)
    assert "번호를 아직 확인하지 않았습니다" in employer_client.get("/me/mail/").content.decode()


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    def send(user, now):
        with django_capture_on_commit_callbacks(execute=True):
            phone_confirmation.send_confirmation_code(user=user, now=now)

    return send


def test_a_code_expires_counts_wrong_tries_and_only_the_last_one_works(texts, settings, send, monkeypatch):
    codes = iter([111111, 222222, 333333])
    monkeypatch.setattr(phone_confirmation.secrets, "randbelow", lambda _: next(codes))
    user = factories.employer_user()
    user.phone = "010-5555-6666"
    user.save()
    start = timezone.now()
    send(user, start)
    send(user, start + datetime.timedelta(minutes=2))
    assert [last_code([text]) for text in texts] == ["111111", "222222"]
    with pytest.raises(ValidationError, match="맞지 않습니다"):  # the earlier code stopped working
        phone_confirmation.confirm_phone(user=user, code="111111", now=start + datetime.timedelta(minutes=3))
    for _ in range(settings.PHONE_CONFIRMATION_TRIES - 1):
        with pytest.raises(ValidationError, match="맞지 않습니다"):
            phone_confirmation.confirm_phone(
                user=user, code="abcdef", now=start + datetime.timedelta(minutes=3)
            )
    with pytest.raises(ValidationError, match="만료"):  # the tries are used up: even the right code
        phone_confirmation.confirm_phone(user=user, code="222222", now=start + datetime.timedelta(minutes=3))

    send(user, start + datetime.timedelta(minutes=4))
    late = start + datetime.timedelta(minutes=4 + settings.PHONE_CONFIRMATION_MINUTES, seconds=1)
    with pytest.raises(ValidationError, match="만료"):
        phone_confirmation.confirm_phone(user=user, code="333333", now=late)
    user.refresh_from_db()
    assert user.phone_confirmed_at is None


def test_codes_are_sent_at_most_once_a_minute_and_a_few_times_a_day(texts, settings, send):
    user = factories.employer_user()
    user.phone = "010-5555-6666"
    user.save()
    start = timezone.now()
    send(user, start)
    with pytest.raises(ValidationError, match="1분에 한 번"):
        send(user, start + datetime.timedelta(seconds=30))
    for minute in range(2, settings.PHONE_CONFIRMATION_PER_DAY + 1):
        send(user, start + datetime.timedelta(minutes=2 * minute))
    with pytest.raises(ValidationError, match="오늘은"):
        send(user, start + datetime.timedelta(hours=1))
    assert len(texts) == settings.PHONE_CONFIRMATION_PER_DAY
