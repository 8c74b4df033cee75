"""A resident searches by a major occupation group and finds a national vacancy beside local ones."""

import pytest
from playwright.sync_api import expect

from national import services
from tests import factories
from tests.national.fake_service import FakeNationalService, posting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_resident_filters_by_a_major_group_and_sees_the_national_vacancy_with_its_badge(
    new_page, screenshot, settings
):
    resident = factories.ResidentFactory(with_user=True)
    factories.VacancyFactory(title="백화점 매장 판매원", occupation=factories.occupation("615"))
    factories.VacancyFactory(title="백엔드 개발자", occupation=factories.occupation("133"))
    with FakeNationalService() as service:
        settings.NATIONAL_VACANCY_API_URL = service.url
        settings.NATIONAL_VACANCY_API_KEY = "TEST-KEY"
        settings.NATIONAL_VACANCY_REGIONS = ["11530"]
        service.pages({"11530": [posting("K2026120100001", title="택배 상하차 분류원", jobsCd="624100")]})
        assert services.sync_from_api().created == 1

    page = new_page()
    page.goto("/accounts/login/")
    page.get_by_label("이메일 또는 휴대전화 번호").fill(resident.user.username)
    page.get_by_label("비밀번호").fill(factories.PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.goto("/vacancies/")
    page.get_by_label("직종", exact=True).select_option(label="6 영업·판매·운전·운송직")
    page.get_by_role("button", name="검색", exact=True).click()

    results = page.locator(".result-list > li")
    expect(results).to_have_count(2)
    # The vacancy posted here comes first; the national one carries its source badge.
    expect(results.nth(0)).to_contain_text("백화점 매장 판매원")
    expect(results.nth(1)).to_contain_text("택배 상하차 분류원")
    expect(results.nth(1).locator(".source-badge")).to_have_text("고용24")
    expect(page.get_by_text("백엔드 개발자")).to_have_count(0)
    screenshot(page, "search-01-major-group")

    results.nth(1).get_by_role("link", name="택배 상하차 분류원").click()
    apply_there = page.get_by_role("link", name="고용24에서 보고 지원하기")
    expect(apply_there).to_have_attribute(
        "href",
        "https://www.work.go.kr/empInfo/empInfoSrch/detail/empDetailAuthView.do?wantedAuthNo=K2026120100001",
    )
    expect(page.get_by_role("button", name="이 공고에 지원하기")).to_have_count(0)
    screenshot(page, "search-02-national-detail")
