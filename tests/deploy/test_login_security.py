"""Login security: throttling on every login path, Argon2, staff idle timeout, staff TOTP."""

import time

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from guro_jobs import settings as project_settings
from guro_jobs.middleware import LAST_SEEN_KEY
from tests import factories

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/"


@pytest.fixture
def throttling(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5


def admin_login(client, username, password, otp_token="", **extra):
    data = {"username": username, "password": password, "otp_token": otp_token, "next": "/admin/"}
    return client.post(ADMIN_LOGIN, data, **extra)


def current_token(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_passwords_are_hashed_with_argon2_first(staff_user):
    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert staff_user.password.startswith("argon2$argon2id$")


def test_admin_login_is_locked_after_five_wrong_passwords_even_with_the_right_one(
    client, throttling, staff_user
):
    for _ in range(5):
        assert admin_login(client, staff_user.username, "wrong-password").status_code in {200, 429}
    response = admin_login(client, staff_user.username, factories.PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "로그인이 잠시 잠겼습니다" in page
    assert "15분 뒤에 다시 시도해 주세요" in page
    assert "_auth_user_id" not in client.session


def test_a_lockout_is_per_account_so_others_at_the_same_address_can_still_log_in(
    client, throttling, staff_user
):
    for _ in range(5):
        admin_login(client, staff_user.username, "wrong-password")
    other = factories.staff_user(username="other@guro.go.kr")
    assert admin_login(client, other.username, factories.PASSWORD).status_code == 302
    # The locked account stays locked from another address too (tests/deploy/test_login_lockout_identity.py).
    elsewhere = admin_login(client, staff_user.username, factories.PASSWORD, REMOTE_ADDR="10.0.0.9")
    assert elsewhere.status_code == 429


def test_a_successful_login_resets_the_failure_count(client, throttling, staff_user):
    for _ in range(4):
        admin_login(client, staff_user.username, "wrong-password")
    assert admin_login(client, staff_user.username, factories.PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        admin_login(client, staff_user.username, "wrong-password")
    assert admin_login(client, staff_user.username, factories.PASSWORD).status_code == 302


def test_any_login_path_using_authenticate_with_the_request_is_throttled(throttling, resident_user):
    # The portal's own login view calls authenticate(request=...) exactly like this.
    def attempt(password):
        request = RequestFactory().post("/accounts/login/", REMOTE_ADDR="192.0.2.7")
        return authenticate(request=request, username=resident_user.username, password=password)

    assert attempt(factories.PASSWORD) == resident_user
    for _ in range(5):
        assert attempt("wrong-password") is None
    assert attempt(factories.PASSWORD) is None


def test_staff_are_logged_out_after_the_idle_time(client, settings, staff_user):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    client.force_login(staff_user)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - 31 * 60
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert ADMIN_LOGIN in response["Location"]
    assert "_auth_user_id" not in client.session


def test_staff_activity_within_the_idle_time_keeps_them_logged_in(client, staff_user):
    client.force_login(staff_user)
    client.get("/admin/")
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - 29 * 60
    session.save()
    assert client.get("/admin/").status_code == 200
    assert client.session.get_expiry_age() == 30 * 60


def test_residents_keep_the_normal_session_age(client, resident_user):
    client.force_login(resident_user)
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - 24 * 3600
    session.save()
    client.get("/healthz")
    assert client.session["_auth_user_id"] == str(resident_user.pk)
    assert client.session.get_expiry_age() == project_settings.SESSION_COOKIE_AGE


def test_staff_without_a_totp_device_are_sent_from_the_password_to_enrolment(client, staff_user):
    response = admin_login(client, staff_user.username, factories.PASSWORD)
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/")


def test_staff_with_a_totp_device_must_give_the_code(client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="휴대전화", confirmed=True)
    response = admin_login(client, staff_user.username, factories.PASSWORD)
    assert response.status_code == 200
    assert "인증 앱의 6자리 코드를 입력해 주세요" in response.content.decode()
    response = admin_login(client, staff_user.username, factories.PASSWORD, otp_token="000000")
    assert "인증 코드가 맞지 않거나 만료되었습니다" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_staff_with_a_totp_device_get_in_with_the_current_code(client, staff_user):
    device = TOTPDevice.objects.create(user=staff_user, name="휴대전화", confirmed=True)
    response = admin_login(client, staff_user.username, factories.PASSWORD, otp_token=current_token(device))
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_an_unconfirmed_device_does_not_ask_for_a_code(client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="등록 중", confirmed=False)
    assert admin_login(client, staff_user.username, factories.PASSWORD).status_code == 302


def test_staff_with_a_device_signed_in_elsewhere_without_the_code_are_asked_for_it(client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="휴대전화", confirmed=True)
    factories.login_without_second_factor(client, staff_user)  # e.g. the portal's login page
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/")


def test_enrol_totp_gives_a_staff_member_a_confirmed_device_and_the_app_address(staff_user, capsys):
    call_command("enrol_totp", staff_user.username)
    device = TOTPDevice.objects.get(user=staff_user)
    assert device.confirmed
    assert "otpauth://totp/" in capsys.readouterr().out


def test_behind_one_proxy_throttling_counts_the_address_the_proxy_saw(settings):
    from guro_jobs.security import client_ip

    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "203.0.113.5"  # the forged first entry is ignored
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "127.0.0.1"
