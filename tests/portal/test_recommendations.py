"""공고 추천 on the resident's page: the matching engine's best open vacancies not yet applied to,
with its reasons in plain Korean, at a query count that does not grow with the candidates."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from placements import matching
from references.models import Skill
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident():
    resident = factories.ResidentFactory(with_user=True, desired_monthly_wage=2_500_000)
    resident.skills.add(Skill.objects.get(name="Java"))
    resident.desired_occupations.add(factories.occupation())
    return resident


def java_vacancy(**kwargs):
    vacancy = factories.VacancyFactory(**kwargs)
    vacancy.required_skills.add(Skill.objects.get(name="Java"))
    return vacancy


def test_the_residents_page_recommends_matching_vacancies_with_plain_reasons(client, resident):
    java_vacancy(title="자바 개발자")
    client.force_login(resident.user)

    page = client.get("/me/").content.decode()

    assert "공고 추천" in page and "자바 개발자" in page
    assert "희망 직종(소프트웨어 개발자)과 같음" in page
    assert "요구 기술·자격증 1개 중 1개 보유 (Java)" in page
    assert "점" not in page.split('id="recommended-vacancies"')[1].split("</ul>")[0]  # no points shown


def test_applied_closed_and_expired_vacancies_are_not_recommended(resident):
    applied = java_vacancy(title="지원한 공고")
    factories.JobApplicationFactory(resident=resident, vacancy=applied)
    java_vacancy(title="마감한 공고", status="closed")
    java_vacancy(
        title="기한 지난 공고",
        posted_on=timezone.localdate() - datetime.timedelta(days=9),
        closes_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    java_vacancy(title="작성 중 공고", status="draft", posted_on=None)
    fitting = java_vacancy(title="맞는 공고")

    recommended = [item["vacancy"] for item in matching.recommendations_for_resident_page(resident)]

    assert recommended == [fitting]


def test_the_best_match_comes_first_and_only_a_few_are_shown(resident):
    for _ in range(7):
        factories.VacancyFactory(occupation=factories.occupation("531"), dong=factories.dong("항동"))
    best = java_vacancy(title="가장 잘 맞는 공고")

    recommended = matching.recommendations_for_resident_page(resident, limit=5)

    assert len(recommended) == 5
    assert recommended[0]["vacancy"] == best


def test_the_candidates_scored_for_the_residents_page_are_capped(resident, monkeypatch):
    monkeypatch.setattr(matching, "RESIDENT_PAGE_CANDIDATE_LIMIT", 3)
    for _ in range(6):
        java_vacancy()
    scored = []
    real_score = matching.score_match
    monkeypatch.setattr(matching, "score_match", lambda *args: scored.append(1) or real_score(*args))

    matching.recommendations_for_resident_page(resident)

    assert len(scored) == 3


def test_recommendations_take_the_same_queries_for_two_or_twenty_candidates(
    resident, django_assert_num_queries
):
    java_vacancy()
    java_vacancy()
    with CaptureQueriesContext(connection) as few:
        assert len(matching.recommendations_for_resident_page(resident)) == 2
    for _ in range(18):
        java_vacancy(employer=factories.EmployerFactory())
    with django_assert_num_queries(len(few.captured_queries)):
        assert len(matching.recommendations_for_resident_page(resident)) == 5
