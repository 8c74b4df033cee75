"""The one eligibility engine explains every rule in plain Korean."""

import datetime

import pytest

from programs.eligibility import check_eligibility
from programs.models import Program
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 29)


def public_works():
    return Program.objects.get(code="2010-public-works")


def test_public_works_refuses_residents_under_18():
    resident = factories.ResidentFactory(birth_date=datetime.date(2010, 1, 1))
    result = check_eligibility(program=public_works(), resident=resident, on_day=TODAY)
    assert not result.eligible
    assert "만 18세 이상만 신청할 수 있습니다. 현재 만 16세입니다." in result.summary()


def test_public_works_refuses_residents_living_outside_guro():
    resident = factories.ResidentFactory(dong=None, outside_region="광명시")
    result = check_eligibility(program=public_works(), resident=resident, on_day=TODAY)
    assert [r.rule for r in result.failed] == ["residency"]
    assert "구로구 주민만 신청할 수 있습니다." in result.summary()


def test_public_works_refuses_employed_residents():
    resident = factories.ResidentFactory(employment_status="employed")
    result = check_eligibility(program=public_works(), resident=resident, on_day=TODAY)
    assert [r.rule for r in result.failed] == ["employment_status"]


def test_public_works_accepts_an_unemployed_adult_guro_resident_and_says_why():
    resident = factories.ResidentFactory()
    result = check_eligibility(program=public_works(), resident=resident, on_day=TODAY)
    assert result.eligible
    assert {r.rule for r in result.passed} == {"age", "residency", "employment_status"}
    assert "구로구 주민입니다. (구로3동)" in [r.message for r in result.passed]


def test_youth_internship_needs_vocational_high_school_or_more():
    program = Program.objects.get(code="2010-youth-internship")
    resident = factories.ResidentFactory(birth_date=datetime.date(1998, 1, 1), education_level="high_school")
    result = check_eligibility(program=program, resident=resident, on_day=TODAY)
    assert [r.rule for r in result.failed] == ["education"]
    resident.education_level = "vocational_high_school"
    assert check_eligibility(program=program, resident=resident, on_day=TODAY).eligible


def test_senior_jobs_accept_a_resident_over_65_through_the_age_derived_group():
    program = Program.objects.get(code="2010-self-sufficiency-senior")
    resident = factories.ResidentFactory(
        birth_date=datetime.date(1950, 1, 1), education_level="middle_school"
    )
    result = check_eligibility(program=program, resident=resident, on_day=TODAY)
    assert result.eligible


def test_senior_jobs_refuse_a_younger_resident_in_no_required_group():
    program = Program.objects.get(code="2010-self-sufficiency-senior")
    resident = factories.ResidentFactory(birth_date=datetime.date(1970, 1, 1))
    result = check_eligibility(program=program, resident=resident, on_day=TODAY)
    assert [r.rule for r in result.failed] == ["priority_group"]
