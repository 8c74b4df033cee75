"""The vacancy search keeps its form and results for each query string in the shared cache: a
repeated search costs no query, any change to a vacancy shows on the next search at once, and
nothing personal (who is signed in, their CSRF token) is ever in what is kept."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from alerts.models import SavedVacancy
from employers.models import Vacancy
from guro_jobs import page_cache
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(monkeypatch):
    """What the search puts in the shared cache during the test."""
    values = []
    original = page_cache.keep
    monkeypatch.setattr(page_cache, "keep", lambda key, value: values.append(value) or original(key, value))
    return values


def page(client, **query):
    response = client.get("/vacancies/", query)
    assert response.status_code == 200
    return response.content.decode()


def queries(client, **query):
    with CaptureQueriesContext(connection) as captured:
        page(client, **query)
    return len(captured)


def test_the_same_search_again_is_answered_from_the_cache_without_a_query(client):
    factories.VacancyFactory(title="전자부품 조립원")
    assert "전자부품 조립원" in page(client, q="조립")
    assert queries(client, q="조립") == 0
    assert queries(client, q="조립", page=1) > 0  # another query string is its own entry


def test_an_edited_vacancy_shows_on_the_next_search(client):
    vacancy = factories.VacancyFactory(title="물류 관리원")
    assert "물류 관리원" in page(client)
    vacancy.title = "물류 관리원 (야간)"
    vacancy.save()
    assert "물류 관리원 (야간)" in page(client)


def test_a_new_closed_or_deleted_vacancy_shows_on_the_next_search(client):
    first = factories.VacancyFactory(title="조리원 모집")
    assert "조리원 모집" in page(client)
    second = factories.VacancyFactory(title="미화원 모집")
    assert "미화원 모집" in page(client)
    first.status = Vacancy.Status.CLOSED
    first.save()
    assert "조리원 모집" not in page(client)
    second.delete()
    assert "미화원 모집" not in page(client)


def test_a_renamed_employer_shows_on_the_next_search(client):
    vacancy = factories.VacancyFactory()
    page(client)
    vacancy.employer.name = "구로정밀 주식회사"
    vacancy.employer.save()
    assert "구로정밀 주식회사" in page(client)


def test_each_language_has_its_own_entry(client):
    factories.VacancyFactory()
    assert "· 구로3동 ·" in page(client)
    english = client.get("/vacancies/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "· Guro 3-dong ·" in english and "· 구로3동 ·" not in english
    assert "· 구로3동 ·" in page(client)


def test_a_search_with_an_error_is_not_kept(client, kept):
    assert "올바르게 선택해 주세요" in page(client, career="senior")
    assert kept == []
    page(client, career="new")
    assert len(kept) == 1


def test_nothing_personal_is_kept_and_the_next_visitor_gets_their_own_page(client, kept):
    vacancy = factories.VacancyFactory(title="사무 보조원")
    resident = factories.ResidentFactory(with_user=True, name="홍길순")
    SavedVacancy.objects.create(resident=resident, vacancy=vacancy)
    client.force_login(resident.user)
    mine = page(client, q="사무")
    assert "이 검색 조건으로 새 공고 알림 받기" in mine and "csrfmiddlewaretoken" in mine
    assert "관심 공고 빼기" in mine
    assert len(kept) == 1, "a resident's search is kept for everyone, without their buttons"
    text = "".join(str(html) for html in kept[0].values())
    assert "사무 보조원" in text
    assert "csrfmiddlewaretoken" not in text and "홍길순" not in text and resident.user.username not in text
    assert "새 공고 알림 받기" not in text and "로그아웃" not in text and "관심 공고" not in text

    client.logout()
    theirs = page(client, q="사무")  # the same query string, anonymous: the kept copy, no buttons
    assert "사무 보조원" in theirs and "새 공고 알림 받기" not in theirs and "로그아웃" not in theirs
    assert "관심 공고" not in theirs and "\x00" not in theirs
    assert len(kept) == 1


def test_without_the_cache_the_page_is_the_same(client, settings):
    factories.VacancyFactory(title="용접공 모집")
    cached = without_tokens(page(client, q="용접"))
    settings.PAGE_CACHE_SECONDS = 0
    assert without_tokens(page(client, q="용접")) == cached
    assert queries(client, q="용접") > 0


def without_tokens(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_a_residents_saved_vacancies_are_drawn_for_them_and_never_shown_to_another_visitor(client):
    vacancy = factories.VacancyFactory(title="매장 판매원")
    saver = factories.ResidentFactory(with_user=True)
    other = factories.ResidentFactory(with_user=True)
    SavedVacancy.objects.create(resident=saver, vacancy=vacancy)
    assert "관심 공고" not in page(client)  # an anonymous visitor fills the shared copy: no buttons

    client.force_login(saver.user)
    assert "관심 공고 빼기" in page(client)
    client.force_login(other.user)
    assert "관심 공고 저장" in page(client)
    assert "관심 공고 빼기" not in page(client)
    client.logout()
    assert "관심 공고" not in page(client)
