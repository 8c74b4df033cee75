"""A signed-in resident's vacancy search reads the visitor in one query beyond the session and the
user: their resident record, their roles (the menus), which of the page's rows they saved and
their resumes' career entries (residents.permissions.resident_of_request with what the alerts and
resumes hooks ask for). The count does not grow with the page's rows; what the page shows is what
the separate queries showed."""

import pytest
from django.test import RequestFactory
from django.utils import timezone

from alerts.models import SavedVacancy
from employers import page_extras
from residents.permissions import resident_of_request
from tests import factories
from tests.resumes.conftest import day, make_resume

pytestmark = pytest.mark.django_db

SESSION_USER_AND_VISITOR = 3


def saved_buttons(html):
    return html.count("관심 공고 빼기"), html.count("관심 공고 저장")


@pytest.fixture
def resident():
    resident = factories.ResidentFactory(with_user=True)
    make_resume(resident, careers=[("구로전자", day("2019-01-01"), day("2022-12-31"))])
    return resident


def test_a_residents_kept_search_costs_session_user_and_one_query_for_5_or_20_rows(
    client, resident, django_assert_num_queries
):
    employer = factories.EmployerFactory()
    for vacancy in factories.VacancyFactory.create_batch(5, employer=employer)[:2]:
        SavedVacancy.objects.create(resident=resident, vacancy=vacancy)
    client.force_login(resident.user)
    client.get("/vacancies/")  # fills the shared copy
    with django_assert_num_queries(SESSION_USER_AND_VISITOR):
        page = client.get("/vacancies/").content.decode()
    assert saved_buttons(page) == (2, 3)
    assert "career_years=4" in page and "내 이력서의 경력(4년)" in page and "로그아웃" in page

    more = factories.VacancyFactory.create_batch(30, employer=employer)
    for vacancy in more[-3:]:
        SavedVacancy.objects.create(resident=resident, vacancy=vacancy)
    client.get("/vacancies/")
    with django_assert_num_queries(SESSION_USER_AND_VISITOR) as many:
        page = client.get("/vacancies/").content.decode()
    assert saved_buttons(page) == (3, 17)  # the first page: the 20 newest, 3 of them saved
    visitor_query = many.captured_queries[-1]["sql"]
    assert "alerts_savedvacancy" in visitor_query and "resumes_careerentry" in visitor_query


def test_a_resident_never_sees_another_residents_saved_rows_through_the_one_query(client, resident):
    mine, theirs = factories.VacancyFactory(title="내 공고"), factories.VacancyFactory(title="남의 공고")
    other = factories.ResidentFactory(with_user=True)
    SavedVacancy.objects.create(resident=resident, vacancy=mine)
    SavedVacancy.objects.create(resident=other, vacancy=theirs)
    client.force_login(other.user)
    client.get("/vacancies/")
    client.force_login(resident.user)
    page = client.get("/vacancies/").content.decode()
    assert f'action="/me/alerts/vacancies/{mine.pk}/unsave/"' in page
    assert f'action="/me/alerts/vacancies/{theirs.pk}/save/"' in page
    assert "내 이력서의 경력(4년)" in page
    client.force_login(other.user)
    assert "내 이력서의 경력" not in client.get("/vacancies/").content.decode()  # no resume: no link


def test_an_anonymised_resident_is_no_resident_on_the_search(client, resident):
    factories.VacancyFactory()
    resident.anonymised_at = timezone.now()
    resident.save(update_fields=["anonymised_at"])
    client.force_login(resident.user)
    page = client.get("/vacancies/").content.decode()
    assert saved_buttons(page) == (0, 0)
    assert "이 검색 조건으로 새 공고 알림 받기" not in page and "내 이력서의 경력" not in page


def test_an_employer_on_the_search_costs_one_query_of_their_roles_and_gets_no_buttons(
    client, django_assert_num_queries
):
    factories.VacancyFactory()
    client.force_login(factories.employer_user())
    client.get("/vacancies/")
    with django_assert_num_queries(SESSION_USER_AND_VISITOR):
        page = client.get("/vacancies/").content.decode()
    assert saved_buttons(page) == (0, 0) and "기업 화면" in page


def test_a_resident_read_before_the_hooks_asked_still_gets_their_saved_rows_and_career(resident):
    saved, other = factories.VacancyFactory(), factories.VacancyFactory()
    SavedVacancy.objects.create(resident=resident, vacancy=saved)
    request = RequestFactory().get("/vacancies/")
    request.user = resident.user
    assert resident_of_request(request) == resident  # read first: the hooks query for themselves
    extras = page_extras.context_for("vacancy_list", request, [saved.pk, other.pk])
    assert extras["saved_vacancy_ids_of_rows"] == {saved.pk}
    assert extras["is_resident"] and extras["my_career_years"] == 4


def test_the_hooks_read_only_the_rows_on_the_page_in_the_one_query(resident, django_assert_num_queries):
    on_page, elsewhere = factories.VacancyFactory(), factories.VacancyFactory()
    SavedVacancy.objects.create(resident=resident, vacancy=on_page)
    SavedVacancy.objects.create(resident=resident, vacancy=elsewhere)
    request = RequestFactory().get("/vacancies/")
    request.user = resident.user
    with django_assert_num_queries(1):
        extras = page_extras.context_for("vacancy_list", request, [on_page.pk])
    assert extras["saved_vacancy_ids_of_rows"] == {on_page.pk}
    assert extras["my_career_years"] == 4 and resident_of_request(request) == resident
