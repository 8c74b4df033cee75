"""Wages through the API: out-of-range wages are refused on the wage field; a hire never carries
an implausible wage into a placement."""

import pytest

from employers.models import Vacancy
from tests import factories
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db

TOO_MUCH = "임금이 너무 많습니다."
TOO_LITTLE = "최저임금"


@pytest.mark.parametrize(
    ("amount", "message"), [(2_600_000, TOO_MUCH), (99_999_999, TOO_MUCH), (5_000, TOO_LITTLE)]
)
def test_api_refuses_an_hourly_wage_out_of_range_with_a_field_message(world, amount, message):
    response = client_for(world.users["employer"]).post(
        "/api/v1/vacancies/",
        {
            "title": "사무 보조",
            "description": "문서 정리",
            "occupation": factories.occupation().pk,
            "employment_type": "full_time",
            "wage_amount": amount,
            "wage_unit": "hourly",
            "weekly_hours": 40,
            "work_place": "서울특별시 구로구",
            "openings": 1,
        },
        format="json",
    )
    assert response.status_code == 400
    assert message in " ".join(response.json()["wage_amount"])
    assert not Vacancy.objects.filter(title="사무 보조").exists()


def test_a_hire_never_turns_an_unvalidated_vacancy_wage_into_a_placement_wage_above_the_ceiling(world):
    from django.core.exceptions import ValidationError

    from placements.services import record_hire

    Vacancy.objects.filter(pk=world.vacancy.pk).update(wage_amount=2_600_000, wage_unit="hourly")
    vacancy = Vacancy.objects.get(pk=world.vacancy.pk)
    vacancy.save()  # saved without validation, as an old row would be: the wide column holds it
    assert vacancy.monthly_wage == 543_400_000
    world.job_application.refresh_from_db()
    with pytest.raises(ValidationError):
        record_hire(application=world.job_application, by=world.users["staff"])
