"""The profile-completeness hint on /me/: which fields are missing, each with a link to fill it;
other apps add their own checks through residents/completeness.py."""

import pytest

from references.models import Skill
from residents import completeness
from residents.selectors import profile_completeness
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def isolated_checks(monkeypatch):
    monkeypatch.setattr(completeness, "_checks", dict(completeness._checks))


def test_a_bare_profile_lists_what_is_missing_with_a_link_to_each_field(client):
    resident = factories.ResidentFactory(with_user=True, email="", desired_employment_types=[])
    client.force_login(resident.user)

    page = client.get("/me/").content.decode()

    assert "프로필 완성도" in page
    assert '<a href="/me/profile/#id_skills">기술·자격증 입력하기</a>' in page
    assert '<a href="/me/profile/#id_desired_employment_types">희망 고용 형태 입력하기</a>' in page
    assert '<a href="/me/profile/#id_career_summary">경력 요약 입력하기</a>' in page


def test_a_complete_profile_shows_no_hint(client):
    resident = factories.ResidentFactory(
        with_user=True, desired_monthly_wage=2_500_000, career_summary="물류 관리 5년"
    )
    resident.skills.add(Skill.objects.get(name="Python"))
    resident.desired_occupations.add(factories.occupation())
    client.force_login(resident.user)

    assert profile_completeness(resident)["missing"] == []
    assert "프로필 완성도" not in client.get("/me/").content.decode()


def test_a_higher_app_can_add_a_check_such_as_a_resume(isolated_checks):
    completeness.register_check(
        "resume", "이력서 등록", lambda resident: False, url=lambda: "/me/resumes/", order=100
    )
    resident = factories.ResidentFactory()

    result = profile_completeness(resident)

    assert ("이력서 등록", "/me/resumes/") == result["missing"][-1]
    assert result["total"] == len(completeness.registered())


def test_the_hint_costs_a_few_queries_whatever_is_filled_in(django_assert_max_num_queries):
    resident = factories.ResidentFactory()
    with django_assert_max_num_queries(len(completeness.registered())):
        profile_completeness(resident)
