"""A resident who forgot the password resets it from the login page with the mail link, in a real
browser, and signs in with the new one."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_PASSWORD = "새비밀번호-guro-2026"


def test_a_resident_resets_the_password_by_the_mail_link(new_page, screenshot, mailoutbox):
    from django.core.cache import cache

    cache.clear()  # the per-identity and per-address limits
    factories.ResidentFactory(with_user=True, email="reset.journey@example.kr")
    page = new_page()
    page.goto("/accounts/login/")
    page.get_by_role("link", name="비밀번호를 잊으셨나요?").click()
    expect(page.get_by_role("heading", name="비밀번호 재설정", level=1)).to_be_visible()
    page.get_by_label("이메일 또는 휴대전화 번호").fill("Reset.Journey@example.kr")
    page.get_by_role("button", name="재설정 안내 받기").click()
    expect(page.get_by_role("heading", name="메일을 확인해 주세요", level=1)).to_be_visible()
    expect(page.get_by_text("가입된 계정이 있으면 비밀번호 재설정 주소를 보냈습니다")).to_be_visible()
    screenshot(page, "reset-01-mail-sent")

    (message,) = mail.outbox
    assert message.to == ["reset.journey@example.kr"]
    link = re.search(r"https?://[^/\s]+(/accounts/password-reset/\S+/)", message.body).group(1)
    page.goto(link)
    expect(page.get_by_role("heading", name="새 비밀번호 정하기", level=1)).to_be_visible()
    page.locator("#id_new_password1").fill("short1")
    page.locator("#id_new_password2").fill("short1")
    page.get_by_role("button", name="비밀번호 바꾸기").click()
    expect(page.get_by_text("영문자·숫자·특수문자 중 두 종류 이상").first).to_be_visible()
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="비밀번호 바꾸기").click()
    expect(page.get_by_role("heading", name="비밀번호를 바꿨습니다", level=1)).to_be_visible()
    screenshot(page, "reset-02-done")

    page.get_by_role("link", name="로그인").last.click()
    page.get_by_label("이메일 또는 휴대전화 번호").fill("reset.journey@example.kr")
    page.get_by_label("비밀번호").fill(NEW_PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url("**/me/")
    # The used link does not open the form again.
    page.goto(link)
    expect(page.get_by_text("재설정 주소가 올바르지 않거나 이미 쓰였거나 만료되었습니다")).to_be_visible()
