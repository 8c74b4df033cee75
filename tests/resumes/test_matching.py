"""Matching uses the career years computed from the resumes' career history."""

import pytest

from placements.matching import CAREER_POINTS, CAREER_SHORTFALL, recommend_residents, score_match
from references.choices import Career
from tests import factories
from tests.resumes.conftest import day, make_resume

pytestmark = pytest.mark.django_db


def career_points(match):
    return [points for reason, points in match.reasons if reason.startswith("경력")]


def test_a_resident_with_enough_career_years_gets_the_career_points():
    vacancy = factories.VacancyFactory(career=Career.EXPERIENCED, career_min_years=3)
    resident = factories.ResidentFactory()
    make_resume(
        resident,
        careers=[
            ("구로전자", day("2015-01-01"), day("2017-12-31")),
            ("디지털밸리", day("2017-06-01"), day("2019-05-31")),  # overlaps: 4 years 5 months in all
        ],
    )
    match = score_match(resident, vacancy)
    assert career_points(match) == [CAREER_POINTS]
    assert "경력 조건(3년 이상) 충족 (경력 4년)" in match.explanation()


def test_a_resident_short_of_the_years_asked_gets_the_shortfall():
    vacancy = factories.VacancyFactory(career=Career.EXPERIENCED, career_min_years=5)
    resident = factories.ResidentFactory()
    make_resume(resident, careers=[("구로전자", day("2020-01-01"), day("2021-12-31"))])
    assert career_points(score_match(resident, vacancy)) == [CAREER_SHORTFALL]


def test_a_vacancy_open_to_newcomers_scores_no_career_line():
    vacancy = factories.VacancyFactory(career=Career.ANY)
    assert career_points(score_match(factories.ResidentFactory(), vacancy)) == []


def test_recommended_residents_carry_their_career_reason():
    vacancy = factories.VacancyFactory(career=Career.EXPERIENCED, career_min_years=1)
    resident = factories.ResidentFactory(dong=vacancy.dong, employment_status="unemployed")
    make_resume(resident, careers=[("구로전자", day("2020-01-01"), day("2021-12-31"))])
    matches = {match.resident.pk: match for match in recommend_residents(vacancy)}
    assert career_points(matches[resident.pk]) == [CAREER_POINTS]


def test_the_vacancy_search_offers_the_career_filter_at_the_years_of_my_resumes(client):
    resident = factories.ResidentFactory(with_user=True)
    make_resume(resident, careers=[("구로전자", day("2019-01-01"), day("2022-12-31"))])
    client.force_login(resident.user)
    page = client.get("/vacancies/").content.decode()
    assert "career_years=4" in page and "내 이력서의 경력(4년)" in page
