"""The second factor is mandatory for staff and managers on every surface (admin, dashboard,
API with a session, exports); their first sign-in leads to enrolment. API tokens expire."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests import factories

pytestmark = pytest.mark.django_db

ENROL = "/accounts/2fa/"
PROTECTED = [
    "/admin/",
    "/dashboard/",
    "/api/v1/residents/",
    "/dashboard/2012/export.csv",
    "/admin/readiness/",
]


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def portal_login(client, user):
    return client.post("/accounts/login/", {"username": user.username, "password": factories.PASSWORD})


@pytest.mark.parametrize("role", ["staff", "manager"])
@pytest.mark.parametrize("path", PROTECTED)
def test_a_password_only_staff_or_manager_session_reaches_nothing_protected(client, role, path):
    user = factories.staff_user() if role == "staff" else factories.manager_user()
    TOTPDevice.objects.create(user=user, name="휴대전화", confirmed=True)
    assert portal_login(client, user).status_code == 302
    response = client.get(path)
    if path.startswith("/api/"):
        assert response.status_code == 403
        assert "2단계 인증" in response.json()["detail"]
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(ENROL)


def test_a_staff_member_with_a_device_is_asked_for_the_code_after_the_portal_login(client):
    staff = factories.staff_user()
    device = TOTPDevice.objects.create(user=staff, name="휴대전화", confirmed=True)
    response = portal_login(client, staff)
    assert response["Location"].startswith(ENROL)
    page = client.get(response["Location"])
    assert "인증 앱의 6자리 코드" in page.content.decode()
    wrong = client.post(ENROL, {"otp_token": "000000"})
    assert "인증 코드가 맞지 않거나 만료되었습니다" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code makes the next try wait a second (django-otp)
    right = client.post(ENROL, {"otp_token": code_for(device)})
    assert right.status_code == 302
    assert right["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/api/v1/residents/").status_code == 200


@pytest.mark.parametrize(("role", "landing"), [("staff", "/admin/"), ("manager", "/dashboard/")])
def test_the_first_sign_in_leads_to_enrolment_and_then_to_the_roles_start_page(client, role, landing):
    user = factories.staff_user() if role == "staff" else factories.manager_user()
    response = portal_login(client, user)
    assert response["Location"].startswith(ENROL)
    page = client.get(ENROL).content.decode()
    assert "2단계 인증 등록" in page
    assert "<svg" in page  # the QR code, drawn on the page (no external service)
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert secret
    response = client.post(ENROL, {"otp_token": code_for(device)})
    assert response.status_code == 302
    assert response["Location"] == landing
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(landing).status_code == 200


def test_staff_without_a_device_logging_in_at_the_admin_are_sent_to_enrolment(client):
    staff = factories.staff_user()
    response = client.post(
        "/admin/login/", {"username": staff.username, "password": factories.PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(ENROL)


def test_residents_and_employers_need_no_second_factor(client):
    resident = factories.ResidentFactory(with_user=True).user
    assert portal_login(client, resident)["Location"] == "/me/"
    assert client.get("/me/").status_code == 200


def test_the_enrolment_page_is_only_for_staff_and_managers(client):
    resident = factories.ResidentFactory(with_user=True).user
    client.force_login(resident)
    assert client.get(ENROL).status_code == 302


def test_api_tokens_expire_after_the_set_number_of_days(settings):
    settings.API_TOKEN_EXPIRY_DAYS = 90
    system = factories.manager_user(username="stats-system@guro.go.kr")
    token = Token.objects.create(user=system)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/v1/targets/").status_code == 200
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - datetime.timedelta(days=91))
    response = api.get("/api/v1/targets/")
    assert response.status_code == 401
    assert "만료" in response.json()["detail"]


@pytest.mark.parametrize("view", ["config", "qrcode"])
def test_the_admin_device_pages_for_a_missing_device_answer_404(client, view):
    superuser = factories.staff_user()
    superuser.is_superuser = True
    superuser.save()
    client.force_login(superuser)
    assert client.get(f"/admin/otp_totp/totpdevice/987654/{view}/").status_code == 404


def test_create_demo_users_enrols_staff_and_manager_and_demo_totp_code_prints_a_working_code(client, capsys):
    call_command("create_demo_users")
    for username in ["staff@guro.go.kr", "manager@guro.go.kr"]:
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        capsys.readouterr()
        call_command("demo_totp_code", username)
        code = capsys.readouterr().out.strip().splitlines()[-1]
        assert code == code_for(device)
    assert not TOTPDevice.objects.filter(user__username="resident@example.kr").exists()


@pytest.mark.parametrize(("role", "landing"), [("staff", "/admin/"), ("manager", "/dashboard/")])
def test_signing_in_with_the_code_lands_managers_on_the_dashboard_and_staff_in_the_admin(
    client, role, landing
):
    user = factories.staff_user() if role == "staff" else factories.manager_user()
    device = TOTPDevice.objects.create(user=user, name="휴대전화", confirmed=True)
    data = {
        "username": user.username,
        "password": factories.PASSWORD,
        "otp_token": code_for(device),
        "next": "/admin/",
    }
    response = client.post("/admin/login/", data)
    assert response.status_code == 302
    assert response["Location"] == landing
    assert client.get(landing).status_code == 200


def test_a_manager_asking_for_an_admin_page_still_gets_it_after_the_code(client):
    manager = factories.manager_user()
    device = TOTPDevice.objects.create(user=manager, name="휴대전화", confirmed=True)
    client.post(
        "/accounts/login/?next=/admin/residents/resident/",
        {"username": manager.username, "password": factories.PASSWORD},
    )
    response = client.post(ENROL, {"otp_token": code_for(device), "next": "/admin/residents/resident/"})
    assert response["Location"] == "/admin/residents/resident/"


def test_the_admin_token_list_shows_when_each_token_expires_and_staff_revoke_one_there(client):
    staff = factories.staff_user()
    system = factories.manager_user(username="stats-system@guro.go.kr")
    token = Token.objects.create(user=system)
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - datetime.timedelta(days=100))
    client.force_login(staff)
    page = client.get("/admin/authtoken/tokenproxy/").content.decode()
    assert "만료 시각" in page
    assert "(만료됨)" in page
    response = client.post(f"/admin/authtoken/tokenproxy/{system.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Token.objects.filter(user=system).exists()


@pytest.mark.parametrize("header", ["Basic c3RhZmY6eA==", "Token not-a-real-token", "Bearer x"])
@pytest.mark.parametrize("path", ["/api/v1/residents/", "/dashboard/"])
def test_an_authorization_header_does_not_let_a_password_only_session_past_the_second_factor(
    client, header, path
):
    staff = factories.staff_user()
    factories.login_without_second_factor(client, staff)
    response = client.get(path, HTTP_AUTHORIZATION=header)
    assert response.status_code in {302, 401, 403}
    if response.status_code == 302:
        assert response["Location"].startswith(ENROL)


@pytest.mark.parametrize("enrolled", [False, True])
def test_the_second_factor_page_has_one_logout_button_the_headers(client, enrolled):
    staff = factories.staff_user()
    if enrolled:
        TOTPDevice.objects.create(user=staff, name="휴대전화", confirmed=True)
    page = client.get(portal_login(client, staff)["Location"]).content.decode()
    assert len(re.findall(r"<button[^>]*>\s*로그아웃\s*</button>", page)) == 1
