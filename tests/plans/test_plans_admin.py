"""Staff enter plans in the admin: Korean validation, sums against the stated totals, and
copying a previous plan's structure forward."""

import pytest
from django.core.exceptions import ValidationError

from plans.models import Plan, ProjectTarget, YearPlan
from plans.services import copy_plan_forward
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(factories.staff_user())
    return client


def test_a_yearly_plan_outside_its_plans_term_is_refused_in_korean():
    plan = factories.plan_with_years(first_year=2030, last_year=2033)
    row = YearPlan(plan=plan, year=2034, total_target=10, public_target=5, private_target=5)
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert error.value.message_dict["year"] == ["연도는 계획 기간(2030~2033년) 안에 있어야 합니다."]


def test_two_plans_for_one_year_are_refused_in_korean():
    factories.plan_with_years(first_year=2030, last_year=2033)
    overlapping = Plan(title="겹치는 계획", first_year=2033, last_year=2036, stated_total=100)
    with pytest.raises(ValidationError) as error:
        overlapping.full_clean()
    assert "이미 「시험 계획」 계획이 다룹니다" in error.value.message_dict["first_year"][0]


def test_a_yearly_total_that_is_not_public_plus_private_is_refused():
    plan = factories.plan_with_years(first_year=2030, last_year=2031, targets={2030: (100, 60, 40)})
    row = YearPlan(plan=plan, year=2031, total_target=100, public_target=60, private_target=30)
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert error.value.message_dict["total_target"] == [
        "전체 목표(100명)는 공공과 민간 목표의 합(90명)과 같아야 합니다."
    ]


def test_the_plan_page_shows_yearly_sums_against_the_stated_totals_with_the_gap(staff_client):
    plan = factories.first_plan()
    page = staff_client.get(f"/admin/plans/plan/{plan.pk}/change/").content.decode()
    assert "18,650" in page and "18,640" in page
    assert "차이 +10명" in page


def test_copying_forward_makes_the_next_terms_plan_with_the_same_structure(staff_client):
    source = factories.first_plan()
    response = staff_client.post(
        f"/admin/plans/plan/{source.pk}/copy-forward/",
        {
            "title": "구로구 일자리 종합계획",
            "term": "민선 6기",
            "first_year": 2015,
            "last_year": 2018,
            "copy_targets": "on",
        },
    )
    plan = Plan.objects.get(first_year=2015)
    assert response.status_code == 302 and response["Location"].endswith(
        f"/admin/plans/plan/{plan.pk}/change/"
    )
    assert (plan.title, plan.term, plan.last_year, plan.stated_total) == (
        "구로구 일자리 종합계획",
        "민선 6기",
        2018,
        18_640,
    )
    targets = dict(plan.yearly_plans.values_list("year", "total_target"))
    assert targets == {2015: 4350, 2016: 3810, 2017: 3620, 2018: 3510}
    copied = ProjectTarget.objects.filter(year_plan__year=2015)
    assert sorted(copied.values_list("name", flat=True)) == sorted(
        ProjectTarget.objects.filter(year_plan__year=2010).values_list("name", flat=True)
    )
    assert not copied.filter(program__isnull=False).exists()  # programs are per year


def test_copying_forward_onto_years_that_have_a_plan_shows_the_korean_error_and_writes_nothing(staff_client):
    source = factories.first_plan()
    response = staff_client.post(
        f"/admin/plans/plan/{source.pk}/copy-forward/",
        {"title": "겹치는 계획", "first_year": 2014, "last_year": 2017},
    )
    assert response.status_code == 200
    assert "이미" in response.content.decode() and "계획이 다룹니다" in response.content.decode()
    assert Plan.objects.count() == 1


def test_copying_only_the_structure_leaves_the_targets_empty():
    source = factories.first_plan()
    plan = copy_plan_forward(
        source=source, title="구조만", term="", first_year=2015, last_year=2015, copy_targets=False
    )
    row = plan.yearly_plans.get()
    assert (row.total_target, row.public_target, row.private_target) == (0, 0, 0)
    assert set(row.projects.values_list("target", flat=True)) == {None}


def test_the_admin_action_sends_one_chosen_plan_to_the_copy_form(staff_client):
    source = factories.first_plan()
    response = staff_client.post(
        "/admin/plans/plan/", {"action": "copy_forward_action", "_selected_action": [source.pk]}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/admin/plans/plan/{source.pk}/copy-forward/"
    form = staff_client.get(response["Location"]).content.decode()
    assert 'value="2015"' in form and 'value="2019"' in form
