"""Staff and managers in a real browser: the first sign-in enrols an authenticator app (QR code
and secret on a Korean page), then a manager lands on the dashboard and staff in the admin."""

from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def code_from_secret(secret):
    """What the authenticator app shows for the secret typed into it."""
    secret = secret.replace(" ", "")
    return f"{totp(b32decode(secret + '=' * (-len(secret) % 8))):06d}"


@pytest.mark.parametrize(("role", "landing"), [("manager", "/dashboard/"), ("staff", "/admin/")])
def test_first_sign_in_enrols_the_app_and_lands_on_the_roles_start_page(new_page, screenshot, role, landing):
    user = factories.manager_user() if role == "manager" else factories.staff_user()
    page = new_page()
    page.goto("/accounts/login/")
    page.get_by_label("이메일 또는 휴대전화 번호").fill(user.username)
    page.get_by_label("비밀번호").fill(factories.PASSWORD)
    page.get_by_role("button", name="로그인").click()

    expect(page.get_by_role("heading", name="2단계 인증 등록", level=1)).to_be_visible()
    expect(page.locator("figure.totp-qr svg")).to_be_visible()
    screenshot(page, f"2fa-01-{role}-enrolment")
    # Nothing else opens before the code is given.
    page.goto(landing)
    expect(page.get_by_role("heading", name="2단계 인증 등록", level=1)).to_be_visible()

    page.get_by_label("인증 코드(6자리)").fill("000000")
    page.get_by_role("button", name="확인").click()
    expect(page.get_by_text("인증 코드가 맞지 않거나 만료되었습니다").first).to_be_visible()
    page.wait_for_timeout(1100)  # a wrong code makes the next try wait a second

    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("인증 코드(6자리)").fill(code_from_secret(secret))
    page.get_by_role("button", name="확인").click()
    page.wait_for_url(f"**{landing}")
    screenshot(page, f"2fa-02-{role}-landed")
