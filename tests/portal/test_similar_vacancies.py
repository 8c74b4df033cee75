"""Similar vacancies on a vacancy's page: the same occupation group, the same or a neighbouring
dong, the same employment type; open ones only; one query whatever their number."""

import pytest

from employers import selectors
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def vacancy():
    # 133 소프트웨어 개발자 (middle group 13), 구로3동, full time
    return factories.VacancyFactory(title="기준 공고")


def test_vacancies_sharing_more_come_first(vacancy):
    same_group_near_same_type = factories.VacancyFactory(occupation=factories.occupation("134"))
    same_group_far = factories.VacancyFactory(
        occupation=factories.occupation("133"), dong=factories.dong("항동"), employment_type="part_time"
    )
    neighbour_dong_other_group = factories.VacancyFactory(
        occupation=factories.occupation("531"), dong=factories.dong("가리봉동"), employment_type="part_time"
    )
    factories.VacancyFactory(  # other group, far dong, other type: not similar
        occupation=factories.occupation("531"), dong=factories.dong("항동"), employment_type="part_time"
    )
    factories.VacancyFactory(status="closed")  # similar, but closed

    similar = list(selectors.similar_vacancies(vacancy, limit=10))

    assert similar == [same_group_near_same_type, same_group_far, neighbour_dong_other_group]


def test_neighbouring_dongs_are_symmetric():
    assert "구로3동" in selectors.NEIGHBOURING_DONGS["가리봉동"]
    assert "가리봉동" in selectors.NEIGHBOURING_DONGS["구로3동"]
    assert "항동" not in selectors.NEIGHBOURING_DONGS["신도림동"]


def test_the_vacancy_page_shows_similar_vacancies(client, vacancy):
    factories.VacancyFactory(title="비슷한 개발자 공고")
    page = client.get(f"/vacancies/{vacancy.pk}/").content.decode()
    assert "비슷한 공고" in page and "비슷한 개발자 공고" in page


def test_similar_vacancies_take_one_query_however_many_there_are(vacancy, django_assert_num_queries):
    for _ in range(6):
        factories.VacancyFactory(employer=factories.EmployerFactory())
    vacancy = selectors.open_vacancies().get(pk=vacancy.pk)
    with django_assert_num_queries(1):
        similar = list(selectors.similar_vacancies(vacancy))
        for other in similar:
            str(other.employer.name), str(other.occupation), str(other.dong)
    assert len(similar) == 4
