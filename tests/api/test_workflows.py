"""The API's writes go through the same services as the pages: a vacancy from draft to hire, a
program application from applying to a decision, and lists paged in a stable order."""

import pytest
from django.utils import timezone

from employers.models import Vacancy
from placements.models import Placement
from tests import factories
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


def test_a_vacancy_goes_from_an_employers_draft_to_a_hire_through_the_api(world):
    employer, staff = client_for(world.users["employer"]), client_for(world.users["staff"])
    resident = client_for(world.users["other_resident"])
    created = employer.post(
        "/api/v1/vacancies/",
        {
            "title": "물류 관리",
            "description": "입출고 관리",
            "occupation": world.occupation.pk,
            "employment_type": "full_time",
            "wage_amount": 2_400_000,
            "weekly_hours": 40,
            "work_place": "서울특별시 구로구 경인로",
            "openings": 1,
        },
        format="json",
    ).json()
    vacancy_id = created["id"]
    assert created["monthly_wage"] == 2_400_000
    assert employer.post(f"/api/v1/vacancies/{vacancy_id}/submit/").json()["status"] == "pending_review"
    assert staff.post(f"/api/v1/vacancies/{vacancy_id}/approve/").json()["status"] == "open"
    application = resident.post(f"/api/v1/vacancies/{vacancy_id}/apply/").json()
    assert application["status"] == "applied"
    moved = employer.post(
        f"/api/v1/job-applications/{application['id']}/move/",
        {"status": "hired", "started_on": "2026-12-07"},
        format="json",
    )
    assert moved.json()["status"] == "hired"
    placement = Placement.objects.get(job_application_id=application["id"])
    assert placement.employer == world.employer
    assert placement.started_on.isoformat() == "2026-12-07"
    assert placement.monthly_wage == 2_400_000  # the vacancy's, when the hire does not say
    assert placement.retention_checks.count() == 4
    assert Vacancy.objects.get(pk=vacancy_id).approved_by == world.users["staff"]


def test_a_program_application_is_decided_by_staff_with_a_reason(world):
    application = client_for(world.users["other_resident"]).post(
        "/api/v1/program-applications/", {"program": world.program.pk}, format="json"
    )
    assert application.status_code == 201
    assert application.json()["status"] == "eligible"
    decided = client_for(world.users["staff"]).post(
        f"/api/v1/program-applications/{application.json()['id']}/decide/",
        {"status": "selected", "reason": "우선 지원 대상 가점"},
        format="json",
    )
    assert decided.json()["status"] == "selected"
    assert decided.json()["decision_reason"] == "우선 지원 대상 가점"


def test_a_resident_withdraws_a_program_application_through_the_api(world):
    response = client_for(world.users["resident"]).post(
        f"/api/v1/program-applications/{world.program_application.pk}/withdraw/"
    )
    assert response.json()["status"] == "withdrawn"


def test_a_plans_year_gives_its_sector_targets_to_anyone(world):
    plan = client_for(None).get(f"/api/v1/plans/{world.first_plan.pk}/").json()
    year = next(row for row in plan["years"] if row["year"] == 2010)
    assert {(row["sector"], row["target"]) for row in year["sectors"]} == {
        ("total", 4350),
        ("public", 3250),
        ("private", 1100),
    }


def test_pages_never_repeat_or_skip_a_row_when_sort_keys_tie(world):
    today = timezone.localdate()
    for _ in range(25):
        factories.VacancyFactory(employer=world.employer, posted_on=today, wage_amount=2_000_000)
    client = client_for(None)
    seen = []
    for page in (1, 2, 3):
        data = client.get(f"/api/v1/vacancies/?ordering=-monthly_wage&page_size=10&page={page}").json()
        seen += [row["id"] for row in data["results"]]
    assert len(seen) == len(set(seen)) == data["count"]

    for _ in range(25):
        factories.ProgramApplicationFactory(resident=world.resident)
    staff = client_for(world.users["staff"])
    seen = []
    for page in (1, 2, 3):
        data = staff.get(f"/api/v1/program-applications/?ordering=decided_at&page_size=10&page={page}").json()
        seen += [row["id"] for row in data["results"]]
    assert len(seen) == len(set(seen)) == data["count"]


def test_a_hire_through_the_api_needs_its_start_day_and_writes_nothing_without_it(world):
    employer = client_for(world.users["employer"])
    application = factories.JobApplicationFactory(vacancy=world.vacancy, status="interview")

    refused = employer.post(
        f"/api/v1/job-applications/{application.pk}/move/", {"status": "hired"}, format="json"
    )

    assert refused.status_code == 400
    assert refused.json()["started_on"] == ["채용하려면 근무 시작일을 입력해 주세요."]
    application.refresh_from_db()
    assert application.status == "interview"
    assert not Placement.objects.filter(job_application=application).exists()
