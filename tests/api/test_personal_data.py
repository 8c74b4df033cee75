"""Personal data in API answers follows the roles: employers see a birth year, never a birth date,
and only applicants who consented; managers see figures, not contact details; a resident sees
and edits only their own record."""

import pytest

from residents.models import Resident
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


def applicant_in(response):
    return response.json()["results"][0]["resident"]


def test_an_employer_sees_its_applicants_birth_year_and_phone_but_not_birth_date(world):
    response = client_for(world.users["employer"]).get("/api/v1/job-applications/")
    applicant = applicant_in(response)
    assert applicant["birth_year"] == 1980
    assert "birth_date" not in applicant
    assert applicant["phone"] == world.resident.phone
    assert "dong" not in applicant


def test_an_employer_no_longer_sees_an_applicant_who_withdrew_consent_to_provide_data(world):
    Resident.objects.filter(pk=world.resident.pk).update(provision_consented_at=None)
    client = client_for(world.users["employer"])
    assert client.get("/api/v1/job-applications/").json()["count"] == 0
    assert client.get(f"/api/v1/job-applications/{world.job_application.pk}/").status_code == 404
    assert client.get("/api/v1/placements/").json()["count"] == 0


def test_an_employer_sees_no_applicants_of_another_employer(world):
    response = client_for(world.users["other_employer"]).get("/api/v1/job-applications/")
    assert response.json()["count"] == 0


def test_a_manager_sees_residents_without_phone_email_or_birth_date(world):
    response = client_for(world.users["manager"]).get(f"/api/v1/residents/{world.resident.pk}/")
    data = response.json()
    assert data["name"] == world.resident.name
    assert data["birth_year"] == 1980
    assert data["phone"] is None and data["email"] is None and data["birth_date"] is None


def test_a_manager_sees_applicants_without_contact_details(world):
    applicant = applicant_in(client_for(world.users["manager"]).get("/api/v1/job-applications/"))
    assert applicant["phone"] is None and applicant["email"] is None


def test_staff_see_a_residents_full_record(world):
    data = client_for(world.users["staff"]).get(f"/api/v1/residents/{world.resident.pk}/").json()
    assert data["phone"] == world.resident.phone
    assert data["birth_date"] == "1980-05-17"


def test_a_resident_sees_their_own_full_record_at_me(world):
    data = client_for(world.users["resident"]).get("/api/v1/residents/me/").json()
    assert data["id"] == world.resident.pk
    assert data["phone"] == world.resident.phone
    assert data["birth_date"] == "1980-05-17"


def test_a_resident_edits_contact_details_but_not_name_or_consents_at_me(world):
    response = client_for(world.users["resident"]).patch(
        "/api/v1/residents/me/",
        {"phone": "01098765432", "name": "다른 이름", "provision_consented_at": None},
        format="json",
    )
    assert response.status_code == 200
    world.resident.refresh_from_db()
    assert world.resident.phone == "010-9876-5432"  # normalised by the model's rules
    assert world.resident.name != "다른 이름"
    assert world.resident.provision_consented_at is not None


def test_a_resident_lists_only_their_own_applications_and_placements(world):
    client = client_for(world.users["other_resident"])
    for url in ("/api/v1/program-applications/", "/api/v1/job-applications/", "/api/v1/placements/"):
        assert client.get(url).json()["count"] == 0, url
    client = client_for(world.users["resident"])
    for url in ("/api/v1/program-applications/", "/api/v1/job-applications/", "/api/v1/placements/"):
        assert client.get(url).json()["count"] == 1, url


def test_the_public_sees_only_open_vacancies(world):
    ids = {row["id"] for row in client_for(None).get("/api/v1/vacancies/?page_size=100").json()["results"]}
    assert world.vacancy.pk in ids
    assert world.draft.pk not in ids and world.pending.pk not in ids
