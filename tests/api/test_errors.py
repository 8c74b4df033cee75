"""Errors: 400 with field messages in Korean (English on request), 404s that reveal nothing,
409 for rows still in use, and never a 500 for odd input."""

import pytest

from tests import factories
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


def test_missing_fields_get_korean_field_messages_by_default(world):
    response = client_for(world.users["staff"]).post("/api/v1/programs/", {}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == ["이 필드는 필수 항목입니다."]


def test_missing_fields_get_english_messages_with_accept_language_en(world):
    response = client_for(world.users["staff"]).post(
        "/api/v1/programs/", {}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert response.json()["code"] == ["This field is required."]


def test_the_models_own_rules_answer_per_field(world):
    response = client_for(world.users["staff"]).post(
        "/api/v1/programs/",
        {
            "code": "age-range",
            "name": "나이 범위",
            "kind": "public_works",
            "year": 2030,
            "min_age": 50,
            "max_age": 20,
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"max_age": ["최대 나이는 최소 나이보다 작을 수 없습니다."]}


def test_a_refusal_from_a_service_is_a_400_with_its_korean_reason(world):
    client = client_for(world.users["resident"])
    assert client.post(f"/api/v1/programs/{world.program.pk}/apply/").status_code == 201
    response = client.post(f"/api/v1/programs/{world.program.pk}/apply/")
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["이미 이 사업에 신청했습니다."]}


def test_applying_without_consent_to_provide_data_is_refused_with_the_reason(world):
    world.other_resident.provision_consented_at = None
    world.other_resident.save()
    response = client_for(world.users["other_resident"]).post(f"/api/v1/vacancies/{world.vacancy.pk}/apply/")
    assert response.status_code == 400
    assert "제3자(기업) 제공에 동의" in response.json()["non_field_errors"][0]


def test_malformed_json_is_a_400(world):
    response = client_for(world.users["staff"]).post(
        "/api/v1/programs/", data='{"name": ', content_type="application/json"
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("min_wage=abc", "min_wage"),
        ("occupation=999999", "occupation"),
        ("posted_within=5", "posted_within"),
        ("ordering=bogus", "ordering"),
        ("q=%00", "q"),
    ],
)
def test_bad_filter_values_are_a_400_naming_the_filter(world, query, field):
    response = client_for(None).get(f"/api/v1/vacancies/?{query}")
    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize("page", ["99999", "abc", "0"])
def test_pages_past_the_end_are_a_404(world, page):
    response = client_for(None).get(f"/api/v1/programs/?page={page}")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_another_residents_application_looks_exactly_like_one_that_does_not_exist(world):
    client = client_for(world.users["other_resident"])
    theirs = client.get(f"/api/v1/program-applications/{world.program_application.pk}/")
    missing = client.get("/api/v1/program-applications/987654/")
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json() == missing.json()


def test_unknown_api_addresses_answer_in_json(world):
    response = client_for(None).post("/api/v1/no-such-thing/1.5/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_deleting_an_employer_that_has_vacancies_is_a_409_not_a_500(world):
    response = client_for(world.users["staff"]).delete(f"/api/v1/employers/{world.employer.pk}/")
    assert response.status_code == 409
    assert response.json()["detail"] == "다른 기록이 이 항목을 쓰고 있어 삭제할 수 없습니다."


def test_an_employer_cannot_move_an_applicant_to_withdrawn(world):
    response = client_for(world.users["employer"]).post(
        f"/api/v1/job-applications/{world.job_application.pk}/move/", {"status": "withdrawn"}, format="json"
    )
    assert response.status_code == 400
    assert "status" in response.json()


def test_an_employer_cannot_edit_a_published_vacancy(world):
    response = client_for(world.users["employer"]).patch(
        f"/api/v1/vacancies/{world.vacancy.pk}/", {"title": "바꾼 제목"}, format="json"
    )
    assert response.status_code == 400
    world.vacancy.refresh_from_db()
    assert world.vacancy.title != "바꾼 제목"


def test_an_employer_posting_a_vacancy_posts_it_for_its_own_firm_whatever_it_sends(world):
    response = client_for(world.users["other_employer"]).post(
        "/api/v1/vacancies/",
        {
            "employer": world.employer.pk,
            "title": "사무 보조",
            "description": "문서 정리",
            "occupation": factories.occupation().pk,
            "employment_type": "part_time",
            "wage_amount": 11_000,
            "wage_unit": "hourly",
            "weekly_hours": 20,
            "work_place": "서울특별시 구로구",
            "openings": 1,
        },
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["employer"] == world.other_employer.pk
    assert response.json()["status"] == "draft"
