"""Signing in to the API: sessions for the browser (with CSRF), tokens that district staff issue
and revoke in the admin for other systems, and throttles for anonymous and per-user use."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests import factories
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db

CSRF_SECRET = "abcdefghijklmnopqrstuvwxyzABCDEF"


def test_district_staff_issue_a_token_in_the_admin_and_the_system_uses_it(world):
    system = factories.manager_user(username="stats-system@guro.go.kr")
    admin = Client()
    admin.force_login(world.users["staff"])
    response = admin.post("/admin/authtoken/tokenproxy/add/", {"user": system.pk})
    assert response.status_code == 302
    token = Token.objects.get(user=system)

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/v1/residents/").status_code == 200


def test_district_staff_revoke_a_token_in_the_admin_and_it_stops_working(world):
    system = factories.manager_user(username="stats-system@guro.go.kr")
    token = Token.objects.create(user=system)
    admin = Client()
    admin.force_login(world.users["staff"])
    response = admin.post(f"/admin/authtoken/tokenproxy/{system.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Token.objects.filter(user=system).exists()

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/v1/residents/").status_code == 401


@pytest.mark.parametrize("role", ["manager", "employer", "resident"])
def test_only_district_staff_may_issue_tokens(world, role):
    admin = Client()
    admin.force_login(world.users[role])
    response = admin.get("/admin/authtoken/tokenproxy/add/")
    assert response.status_code in {302, 403}
    assert not Token.objects.exists()


def test_a_token_acts_with_its_users_role_only(world):
    token = Token.objects.create(user=world.users["employer"])
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api.get("/api/v1/employers/").json()["count"] == 1
    assert api.get("/api/v1/residents/").status_code == 403


def test_a_browser_session_needs_the_csrf_token_to_write(world):
    browser = APIClient(enforce_csrf_checks=True)
    browser.force_login(world.users["resident"])
    url = f"/api/v1/programs/{world.program.pk}/apply/"
    assert browser.post(url).status_code == 403
    browser.cookies["csrftoken"] = CSRF_SECRET
    assert browser.post(url, HTTP_X_CSRFTOKEN=CSRF_SECRET).status_code == 201


def test_a_browser_session_reads_without_a_csrf_token(world):
    browser = APIClient(enforce_csrf_checks=True)
    browser.force_login(world.users["resident"])
    assert browser.get("/api/v1/residents/me/").status_code == 200


def test_anonymous_clients_are_throttled_past_their_rate(world, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "user": "100/min"},
    }
    client = client_for(None)
    statuses = [client.get("/api/v1/programs/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_each_token_is_throttled_on_its_own(world, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100/min", "user": "2/min"},
    }
    first, second = APIClient(), APIClient()
    first.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=world.users['staff']).key}")
    second.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=world.users['manager']).key}")
    assert [first.get("/api/v1/targets/").status_code for _ in range(3)] == [200, 200, 429]
    assert second.get("/api/v1/targets/").status_code == 200


def test_the_docs_page_serves_its_assets_from_the_portal(world):
    response = client_for(None).get("/api/docs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()


def test_the_schema_is_openapi_3_and_describes_fields_in_korean(world):
    schema = client_for(None).get("/api/schema/?format=json").json()
    assert schema["openapi"].startswith("3.")
    vacancy = schema["components"]["schemas"]["Vacancy"]["properties"]
    assert vacancy["title"]["description"] == "채용 제목"
    assert "/api/v1/targets/" in schema["paths"]
