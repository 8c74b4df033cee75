"""A resident saves a vacancy from the search as 관심 공고, sees it on their page, and opens the
employer's public page from the vacancy."""

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_resident_saves_a_vacancy_and_sees_it_on_their_page(new_page, screenshot):
    resident = factories.ResidentFactory(with_user=True)
    employer = factories.EmployerFactory(name="구로정밀", industry="전자부품 제조")
    factories.VacancyFactory(title="물류센터 관리자", employer=employer)
    factories.VacancyFactory(title="웹 개발자")

    page = new_page()
    page.goto("/accounts/login/")
    page.get_by_label("이메일 또는 휴대전화 번호").fill(resident.user.username)
    page.get_by_label("비밀번호").fill(factories.PASSWORD)
    page.get_by_role("button", name="로그인").click()

    page.goto("/vacancies/")
    page.get_by_role("button", name="물류센터 관리자 관심 공고로 저장").click()
    expect(page.get_by_text("관심 공고로 저장했습니다.")).to_be_visible()
    expect(page.get_by_role("button", name="물류센터 관리자 관심 공고에서 빼기")).to_be_visible()
    expect(page.get_by_role("button", name="웹 개발자 관심 공고로 저장")).to_be_visible()
    screenshot(page, "saved-01-list")

    page.goto("/me/")
    saved = page.locator("#saved-vacancies > li")
    expect(saved).to_have_count(1)
    expect(saved.first).to_contain_text("물류센터 관리자")
    expect(saved.first).to_contain_text("구로정밀")
    screenshot(page, "saved-02-me")

    saved.first.get_by_role("link", name="물류센터 관리자").click()
    page.get_by_role("link", name="구로정밀").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("구로정밀")
    expect(page.get_by_text("전자부품 제조")).to_be_visible()
    expect(page.get_by_text("구로디지털단지 입주기업")).to_be_visible()
    screenshot(page, "saved-03-company")

    page.goto("/me/")
    page.get_by_role("button", name="물류센터 관리자 관심 공고에서 빼기").click()
    expect(page.locator("#saved-vacancies > li")).to_have_count(0)
    expect(page.get_by_text("저장한 관심 공고가 없습니다.", exact=False)).to_be_visible()
