"""Password reset by mail link or text code (/accounts/password-reset/): the answer never tells
whether an account exists, codes expire and run out of tries, requests are limited per address
and per identity, and a reset ends the account's other sessions and API tokens."""

import datetime
import re

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token

from accounts.models import PasswordResetCode, PasswordResetEvent
from tests import factories

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "새비밀번호-guro-2026"
START = "/accounts/password-reset/"


@pytest.fixture
def resident(db):
    return factories.ResidentFactory(with_user=True, email="garibong@example.kr", phone="010-8249-5036")


def ask(client, identifier, capture, address="198.51.100.10"):
    with capture(execute=True):
        return client.post(START, {"identifier": identifier}, REMOTE_ADDR=address)


def comparable(page):
    """A page without what differs on every request anyway (CSRF tokens, CSP nonces)."""
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken"', page)
    return re.sub(r'nonce="[^"]+"', "nonce", page)


def page_after(client, response):
    return comparable(client.get(response["Location"]).content.decode())


def reset_link(mail):
    return re.search(r"http://testserver(/accounts/password-reset/\S+/)", mail.body).group(1)


def code_of(text):
    return re.search(r"\[(\d{6})\]", text.body).group(1)


def test_the_login_page_links_to_password_reset(client):
    assert 'href="/accounts/password-reset/"' in client.get("/accounts/login/").content.decode()
    assert client.get(START).status_code == 200


def test_reset_by_email_answers_the_same_whether_or_not_the_account_exists(
    client, resident, mailoutbox, django_capture_on_commit_callbacks
):
    known = ask(client, "Garibong@Example.kr", django_capture_on_commit_callbacks)
    unknown = ask(client, "nobody@example.kr", django_capture_on_commit_callbacks)
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert page_after(client, known) == page_after(client, unknown)
    assert [mail.to for mail in mailoutbox] == [["garibong@example.kr"]]
    assert "비밀번호 재설정" in mailoutbox[0].subject


def test_reset_by_phone_answers_the_same_whether_or_not_the_account_exists(
    client, resident, texts, django_capture_on_commit_callbacks
):
    known = ask(client, "+82 10-8249-5036", django_capture_on_commit_callbacks)
    known_page = page_after(client, known).replace("010-****-5036", "MASKED")
    unknown = ask(client, "010-8249-5037", django_capture_on_commit_callbacks)
    unknown_page = page_after(client, unknown).replace("010-****-5037", "MASKED")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known_page == unknown_page
    assert [text.to for text in texts] == ["010-8249-5036"]


def test_the_mail_link_sets_a_new_password_once(
    client, resident, mailoutbox, django_capture_on_commit_callbacks
):
    ask(client, "garibong@example.kr", django_capture_on_commit_callbacks)
    link = reset_link(mailoutbox[0])
    form_page = client.get(link, follow=True)
    assert "새 비밀번호 정하기" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done["Location"] == "/accounts/password-reset/done/"
    resident.user.refresh_from_db()
    assert resident.user.check_password(NEW_PASSWORD)
    again = client.get(link, follow=True).content.decode()
    assert "재설정 주소가 올바르지 않거나 이미 쓰였거나 만료되었습니다" in again


def test_the_new_password_follows_the_sign_up_rules(
    client, resident, mailoutbox, django_capture_on_commit_callbacks
):
    ask(client, "garibong@example.kr", django_capture_on_commit_callbacks)
    form_page = client.get(reset_link(mailoutbox[0]), follow=True)
    refused = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "abc12", "new_password2": "abc12"}
    )
    assert "영문자·숫자·특수문자 중 두 종류 이상" in refused.content.decode()
    resident.user.refresh_from_db()
    assert not resident.user.check_password("abc12")


def test_a_text_code_leads_to_the_new_password_form(
    client, resident, texts, django_capture_on_commit_callbacks
):
    ask(client, "01082495036", django_capture_on_commit_callbacks)
    (text,) = texts
    assert "비밀번호 재설정 인증번호" in text.body
    response = client.post("/accounts/password-reset/code/", {"code": code_of(text)})
    assert response["Location"] == "/accounts/password-reset/new/"
    done = client.post(response["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/accounts/password-reset/done/"
    resident.user.refresh_from_db()
    assert resident.user.check_password(NEW_PASSWORD)
    # The code is used: it cannot open the form again.
    assert client.post("/accounts/password-reset/code/", {"code": code_of(text)})["Location"] == START


def test_a_text_code_expires_after_ten_minutes(client, resident, texts, django_capture_on_commit_callbacks):
    ask(client, "010-8249-5036", django_capture_on_commit_callbacks)
    code = PasswordResetCode.objects.get(user=resident.user)
    assert code.expires_at - code.created_at == datetime.timedelta(minutes=10)
    PasswordResetCode.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = client.post("/accounts/password-reset/code/", {"code": code_of(texts[0])})
    assert response.status_code == 200
    assert "인증번호가 맞지 않거나 만료되었습니다" in response.content.decode()


def test_five_wrong_codes_use_the_code_up(client, resident, texts, django_capture_on_commit_callbacks):
    ask(client, "010-8249-5036", django_capture_on_commit_callbacks)
    right = code_of(texts[0])
    wrong = "000000" if right != "000000" else "111111"
    for left in (4, 3, 2, 1):
        page = client.post("/accounts/password-reset/code/", {"code": wrong}).content.decode()
        assert f"남은 횟수 {left}번" in page
    assert (
        "너무 많이 틀렸습니다"
        in client.post("/accounts/password-reset/code/", {"code": wrong}).content.decode()
    )
    # Neither this session nor a fresh one gets in with the right code now.
    assert (
        "너무 많이 틀렸습니다"
        in client.post("/accounts/password-reset/code/", {"code": right}).content.decode()
    )
    other = client.__class__()
    session = other.session
    session["password_reset_phone"] = "010-8249-5036"
    session.save()
    assert other.post("/accounts/password-reset/code/", {"code": right}).status_code == 200
    assert PasswordResetCode.objects.get(user=resident.user).tries == 5


def test_wrong_codes_read_the_same_for_a_number_without_an_account(
    client, resident, django_capture_on_commit_callbacks
):
    def answers(number):
        ask(client, number, django_capture_on_commit_callbacks)
        return [
            comparable(client.post("/accounts/password-reset/code/", {"code": "999999"}).content.decode())
            for _ in range(6)
        ]

    known = answers("010-8249-5036")
    unknown = answers("010-8249-5099")
    assert [page.replace("5036", "") for page in known] == [page.replace("5099", "") for page in unknown]


def test_requests_for_one_identity_are_limited_whatever_its_spelling(
    client, resident, mailoutbox, django_capture_on_commit_callbacks
):
    for spelling in ("garibong@example.kr", "GARIBONG@example.kr", " Garibong@Example.KR "):
        assert (
            ask(client, spelling, django_capture_on_commit_callbacks, address="198.51.100.1").status_code
            == 302
        )
    refused = ask(client, "garibong@example.kr", django_capture_on_commit_callbacks, address="203.0.113.9")
    assert refused.status_code == 429
    assert "재설정을 여러 번 요청하셨습니다" in refused.content.decode()
    assert len(mailoutbox) == 3
    # An unknown address is counted the same way, so the limit says nothing about accounts.
    for _ in range(3):
        ask(client, "nobody@example.kr", django_capture_on_commit_callbacks, address="198.51.100.2")
    assert ask(client, "nobody@example.kr", django_capture_on_commit_callbacks).status_code == 429


def test_requests_from_one_address_are_limited(client, settings, django_capture_on_commit_callbacks):
    settings.PASSWORD_RESET_RATE_LIMIT = "4/hour"
    for n in range(4):
        assert ask(client, f"person{n}@example.kr", django_capture_on_commit_callbacks).status_code == 302
    assert ask(client, "person9@example.kr", django_capture_on_commit_callbacks).status_code == 429
    other = ask(client, "person9@example.kr", django_capture_on_commit_callbacks, address="203.0.113.50")
    assert other.status_code == 302


def test_a_reset_ends_other_sessions_and_revokes_api_tokens(
    client, resident, texts, django_capture_on_commit_callbacks
):
    from django.test import Client

    signed_in_elsewhere = Client()
    signed_in_elsewhere.force_login(resident.user)
    assert signed_in_elsewhere.get("/me/").status_code == 200
    Token.objects.create(user=resident.user)
    ask(client, "010-8249-5036", django_capture_on_commit_callbacks)
    client.post("/accounts/password-reset/code/", {"code": code_of(texts[0])})
    client.post(
        "/accounts/password-reset/new/", {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert signed_in_elsewhere.get("/me/").status_code == 302  # back to the login page
    assert not Token.objects.filter(user=resident.user).exists()


def test_staff_still_give_their_totp_code_after_a_reset(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    staff = factories.staff_user(username="reset-staff@guro.go.kr")
    staff.email = "reset-staff@guro.go.kr"
    staff.save()
    ask(client, "reset-staff@guro.go.kr", django_capture_on_commit_callbacks)
    form_page = client.get(reset_link(mailoutbox[0]), follow=True)
    client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert "_auth_user_id" not in client.session  # a reset never signs anyone in
    login = client.post("/accounts/login/", {"username": "reset-staff@guro.go.kr", "password": NEW_PASSWORD})
    assert login["Location"].startswith("/accounts/2fa/")
    assert client.get("/admin/")["Location"].startswith("/accounts/2fa/")


def test_an_inactive_account_gets_nothing(client, resident, mailoutbox, django_capture_on_commit_callbacks):
    resident.user.is_active = False
    resident.user.save()
    assert ask(client, "garibong@example.kr", django_capture_on_commit_callbacks).status_code == 302
    assert mailoutbox == []


def test_the_reset_is_recorded_without_codes_or_passwords(
    client, resident, texts, django_capture_on_commit_callbacks
):
    ask(client, "010-8249-5036", django_capture_on_commit_callbacks, address="198.51.100.77")
    code = code_of(texts[0])
    client.post("/accounts/password-reset/code/", {"code": "000000" if code != "000000" else "111111"})
    client.post("/accounts/password-reset/code/", {"code": code})
    client.post(
        "/accounts/password-reset/new/", {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    events = list(
        PasswordResetEvent.objects.order_by("occurred_at", "id").values_list(
            "account_label", "channel", "step"
        )
    )
    assert events == [
        (resident.user.username, "text", "requested"),
        (resident.user.username, "text", "code_failed"),
        (resident.user.username, "text", "completed"),
    ]
    stored = repr(list(PasswordResetEvent.objects.values()))
    assert code not in stored and NEW_PASSWORD not in stored
    assert PasswordResetCode.objects.get().code_hash != code
    ask(client, "nobody@example.kr", django_capture_on_commit_callbacks)
    assert PasswordResetEvent.objects.count() == 3  # nothing recorded for an unknown address


def test_a_malformed_identifier_is_refused_with_a_korean_message(client):
    response = client.post(START, {"identifier": "12345"})
    assert response.status_code == 200
    assert "이메일 주소나 휴대전화 번호를 정확히 입력해 주세요" in response.content.decode()


def test_a_correct_code_opens_the_new_password_form_for_ten_minutes_only(
    client, resident, texts, django_capture_on_commit_callbacks
):
    ask(client, "010-8249-5036", django_capture_on_commit_callbacks)
    client.post("/accounts/password-reset/code/", {"code": code_of(texts[0])})
    assert client.get("/accounts/password-reset/new/").status_code == 200
    session = client.session
    user_id, verified_at = session["password_reset_user"]
    session["password_reset_user"] = [user_id, verified_at - 10 * 60 - 1]
    session.save()
    assert client.get("/accounts/password-reset/new/")["Location"] == START
