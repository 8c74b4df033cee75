"""A manager reads this year's figures and forecast on the dashboard, then opens the public
disclosure page of the plan, in Chromium."""

import datetime
import re

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from programs.models import Program
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in_as_manager(page, user, password=factories.PASSWORD):
    """The manager's sign-in (one place): the password, then the authenticator app's code on the
    2FA page (an app already enrolled; enrolment: test_second_factor_journeys.py)."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="인증 앱", defaults={"confirmed": True}
    )
    page.goto("/accounts/login/")
    page.get_by_label("이메일 또는 휴대전화 번호").fill(user.username)
    page.get_by_label("비밀번호").fill(password)
    page.get_by_role("button", name="로그인").click()
    expect(page.get_by_role("heading", name="2단계 인증", level=1, exact=True)).to_be_visible()
    page.get_by_label("인증 코드(6자리)").fill(factories.current_totp_code(device))
    page.get_by_role("button", name="확인").click()
    expect(page).to_have_url(re.compile(r"/dashboard/"))


def test_a_manager_reads_this_years_figures_and_forecast_and_opens_the_public_page(new_page, screenshot):
    today = timezone.localdate()
    year = today.year
    plan = factories.plan_with_years(
        first_year=year, last_year=year + 3, title="구로구 일자리 종합계획 (예시)", is_example=True
    )
    # Last year: 10 public placements, half of them by today's date; this year 2 so far, so the
    # projection is 2 / 0.5 = 4 against a public target of 60: a warning.
    program = factories.ProgramFactory(year=year - 1, kind=Program.Kind.PUBLIC_WORKS)
    early = datetime.date(year - 1, 1, 1)
    late = datetime.date(year - 1, 12, 31)
    for day in [early] * 5 + [late] * 5:
        factories.PlacementFactory(
            sector="public", source="program", program=program, employer=None, started_on=day
        )
    this_program = factories.ProgramFactory(year=year, kind=Program.Kind.PUBLIC_WORKS)
    for _ in range(2):
        factories.PlacementFactory(
            sector="public",
            source="program",
            program=this_program,
            employer=None,
            started_on=datetime.date(year, 1, 1),
        )
    manager = factories.manager_user(username="manager@guro.go.kr")

    page = new_page()
    log_in_as_manager(page, manager)
    page.goto("/dashboard/")
    expect(page.get_by_role("heading", name=f"{year}년 일자리 목표 대비 실적", level=1)).to_be_visible()
    expect(page.locator("#year-select")).to_have_value(str(year))
    expect(page.get_by_role("heading", name=f"{year}년 연말 예상 실적")).to_be_visible()
    expect(page.get_by_text("지난 해들에 같은 날짜까지")).to_be_visible()
    expect(page.get_by_role("alert").filter(has_text="공공 부문의 연말 예상 실적")).to_be_visible()
    screenshot(page, "plans-01-dashboard-forecast")

    page.get_by_role("link", name="계획 공시 보기").click()
    expect(page).to_have_url(f"{page.url.split('/plans/')[0]}/plans/{plan.pk}/")
    expect(page.get_by_role("heading", name="구로구 일자리 종합계획 (예시)", level=1)).to_be_visible()
    expect(page.get_by_text("포털 시연을 위한 예시")).to_be_visible()
    screenshot(page, "plans-02-public-page")
    pdf = page.request.get(page.get_by_role("link", name="PDF 내려받기").get_attribute("href"))
    assert pdf.ok and pdf.body().startswith(b"%PDF")

    # The public page is open to anyone, in Korean.
    visitor = new_page()
    visitor.goto("/plans/")
    expect(visitor.get_by_role("heading", name="일자리 목표 공시", level=1)).to_be_visible()
    expect(visitor.get_by_role("link", name="구로구 일자리 창출 계획")).to_be_visible()
    screenshot(visitor, "plans-03-plan-list")
