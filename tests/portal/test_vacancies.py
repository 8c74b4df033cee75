"""/vacancies/: the one VacancyFilter, shareable URLs, pagination, detail and one-click apply."""

import pytest

from employers.models import Employer, Vacancy
from placements.models import JobApplication
from residents.models import ConsentRecord
from tests import factories

pytestmark = pytest.mark.django_db


def test_search_filters_by_keyword_kind_and_minimum_wage(client):
    social = factories.EmployerFactory(kind=Employer.Kind.SOCIAL_ENTERPRISE, in_digital_valley=False)
    factories.VacancyFactory(title="바리스타 모집", employer=social, wage_amount=2_300_000)
    factories.VacancyFactory(title="바리스타 보조", wage_amount=1_800_000)
    factories.VacancyFactory(title="웹 개발자")
    page = client.get("/vacancies/", {"q": "바리스타", "employer_kind": "social_enterprise"}).content.decode()
    assert "바리스타 모집" in page and "바리스타 보조" not in page and "웹 개발자" not in page
    page = client.get("/vacancies/", {"q": "바리스타", "min_wage": "2000000"}).content.decode()
    assert "바리스타 모집" in page and "바리스타 보조" not in page


def test_only_open_vacancies_are_listed(client):
    factories.VacancyFactory(title="승인 대기 공고", status=Vacancy.Status.PENDING_REVIEW)
    factories.VacancyFactory(title="게시된 공고")
    page = client.get("/vacancies/").content.decode()
    assert "게시된 공고" in page and "승인 대기 공고" not in page


def test_pagination_keeps_the_search_in_its_links(client, django_assert_max_num_queries):
    employer = factories.EmployerFactory()
    for number in range(25):
        factories.VacancyFactory(employer=employer, title=f"생산직 {number}")
    with django_assert_max_num_queries(12):
        page = client.get("/vacancies/", {"q": "생산직", "ordering": "-monthly_wage"}).content.decode()
    assert "q=%EC%83%9D%EC%82%B0%EC%A7%81&amp;ordering=-monthly_wage&amp;page=2" in page
    second = client.get(
        "/vacancies/", {"q": "생산직", "ordering": "-monthly_wage", "page": 2}
    ).content.decode()
    assert second.count("생산직 ") == 5


def test_an_invalid_filter_value_shows_a_korean_error_and_keeps_the_input(client):
    page = client.get("/vacancies/", {"min_wage": "많이"}).content.decode()
    assert "숫자를 입력하세요." in page
    assert 'value="많이"' in page


def test_one_click_apply_with_consent_already_given(client, resident_user):
    vacancy = factories.VacancyFactory()
    client.force_login(resident_user)
    response = client.post(f"/vacancies/{vacancy.pk}/apply/")
    assert response.status_code == 302
    assert JobApplication.objects.get(vacancy=vacancy).status == "applied"
    assert "지원" in client.get(f"/vacancies/{vacancy.pk}/").content.decode()


def test_apply_asks_for_provision_consent_when_missing_and_saves_nothing_without_it(client):
    resident = factories.ResidentFactory(with_user=True, provision_consented_at=None)
    vacancy = factories.VacancyFactory()
    client.force_login(resident.user)
    assert (
        "제3자(기업)에게 제공하는 데 동의합니다" in client.get(f"/vacancies/{vacancy.pk}/").content.decode()
    )
    response = client.post(f"/vacancies/{vacancy.pk}/apply/")
    assert response.status_code == 400
    assert "기업에 지원하려면 제3자(기업) 제공에 동의해야 합니다." in response.content.decode()
    assert not JobApplication.objects.exists()
    assert not ConsentRecord.objects.filter(resident=resident).exists()


def test_consenting_on_the_vacancy_page_records_the_consent_and_applies(client):
    resident = factories.ResidentFactory(with_user=True, provision_consented_at=None)
    vacancy = factories.VacancyFactory()
    client.force_login(resident.user)
    client.post(f"/vacancies/{vacancy.pk}/apply/", {"consent_provision": "on"})
    resident.refresh_from_db()
    assert resident.provision_consented_at is not None
    assert ConsentRecord.objects.get(resident=resident, kind="provision").granted
    assert JobApplication.objects.filter(resident=resident, vacancy=vacancy).exists()


def test_applying_twice_is_refused_in_korean(client, resident_user):
    vacancy = factories.VacancyFactory()
    client.force_login(resident_user)
    client.post(f"/vacancies/{vacancy.pk}/apply/")
    response = client.post(f"/vacancies/{vacancy.pk}/apply/", follow=True)
    assert "이미 이 공고에 지원했습니다." in response.content.decode()
    assert JobApplication.objects.count() == 1
