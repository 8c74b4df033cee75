"""Reading residents' personal data through /api/v1/ is access-logged as in the admin: the account,
the time, the client's address (as throttling sees it), whose record, the action, and for a list
its row count."""

import pytest

from audit.models import PersonalDataAccess
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db

Action = PersonalDataAccess.Action


def entries():
    return list(PersonalDataAccess.objects.order_by("id"))


@pytest.mark.parametrize(
    "url", ["/api/v1/residents/", "/api/v1/job-applications/", "/api/v1/placements/"], ids=str
)
@pytest.mark.parametrize("role", ["staff", "manager"])
def test_listing_personal_data_through_the_api_is_logged_with_the_row_count(world, url, role):
    user = world.users[role]
    response = client_for(user).get(url)
    assert response.status_code == 200
    [entry] = entries()
    assert entry.account == user
    assert entry.action == Action.VIEW
    assert entry.row_count == len(response.json()["results"])
    assert entry.row_count >= 1
    assert entry.ip_address == "127.0.0.1"
    assert entry.occurred_at is not None


def test_searching_residents_through_the_api_logs_the_search(world):
    response = client_for(world.users["staff"]).get("/api/v1/residents/", {"search": world.resident.name})
    [entry] = entries()
    assert entry.row_count == response.json()["count"] == 1
    assert "search=" in entry.detail


@pytest.mark.parametrize(
    ("path", "attribute"),
    [("residents", "resident"), ("job-applications", "job_application"), ("placements", "placement")],
)
def test_reading_one_record_through_the_api_is_logged_against_its_resident(world, path, attribute):
    record = getattr(world, attribute)
    response = client_for(world.users["staff"]).get(f"/api/v1/{path}/{record.pk}/")
    assert response.status_code == 200
    [entry] = entries()
    assert entry.resident_id == world.resident.pk
    assert entry.account == world.users["staff"]
    assert entry.action == Action.VIEW
    assert entry.row_count == 1


def test_an_employer_reading_its_applicants_is_logged(world):
    client_for(world.users["employer"]).get(f"/api/v1/job-applications/{world.job_application.pk}/")
    [entry] = entries()
    assert entry.account == world.users["employer"]
    assert entry.resident_id == world.resident.pk


def test_a_resident_reading_their_own_records_is_not_a_third_party_access(world):
    client = client_for(world.users["resident"])
    client.get("/api/v1/residents/me/")
    client.get("/api/v1/job-applications/")
    assert entries() == []


def test_a_refused_read_logs_nothing(world):
    assert client_for(world.users["employer"]).get("/api/v1/residents/").status_code == 403
    assert entries() == []


def test_behind_the_proxy_the_log_records_the_client_not_the_proxy(world, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client_for(world.users["staff"]).get(
        "/api/v1/residents/", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7", REMOTE_ADDR="10.0.0.2"
    )
    [entry] = entries()
    assert entry.ip_address == "198.51.100.7"


def test_the_admin_log_uses_the_same_client_address_as_throttling(client, settings, world):
    from django.urls import reverse

    settings.TRUSTED_PROXY_COUNT = 1
    client.force_login(world.users["staff"])
    client.get(
        reverse("admin:residents_resident_change", args=[world.resident.pk]),
        HTTP_X_FORWARDED_FOR="198.51.100.8",
        REMOTE_ADDR="10.0.0.2",
    )
    assert PersonalDataAccess.objects.get(resident=world.resident).ip_address == "198.51.100.8"
