"""Refusals and errors get the portal's own pages; managers find the dashboard; the admin speaks
the reader's language and greets the person by name; the browser's icon request is answered."""

import logging

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from accounts.models import User
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def language_restored():
    """Requests in English leave English active in this thread (LocaleMiddleware): restore it."""
    with translation.override(translation.get_language()):
        yield


def client_for(user=None, language=None):
    client = Client(raise_request_exception=False)
    if language:
        client.cookies["django_language"] = language
    if user is not None:
        client.force_login(user)
    return client


# ---- 403, 404, 500 ------------------------------------------------------------------------


def test_a_refused_page_is_the_portals_korean_403_page_with_a_way_back():
    resident = factories.ResidentFactory(with_user=True).user
    response = client_for(resident).get("/dashboard/")
    assert response.status_code == 403
    page = response.content.decode()
    assert 'id="header"' in page and "구로 일자리 원스톱 포털" in page
    assert "이 화면을 볼 권한이 없습니다" in page
    assert 'href="/"' in page
    assert "403 Forbidden" not in page


def test_a_missing_page_is_the_portals_korean_404_page_with_a_way_back():
    response = client_for().get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'id="header"' in page
    assert "찾는 화면이 없습니다" in page
    assert 'href="/programs/"' in page and 'href="/"' in page


def test_a_fault_is_the_portals_korean_500_page(monkeypatch):
    def broken():
        raise RuntimeError("the figures broke")

    monkeypatch.setattr("guro_jobs.views.home_figures", broken)
    response = client_for().get("/")
    assert response.status_code == 500
    page = response.content.decode()
    assert 'id="header"' in page
    assert "일시적인 오류가 생겼습니다" in page
    assert "the figures broke" not in page


def test_the_error_pages_follow_the_readers_language():
    response = client_for(language="en").get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="en">' in page
    assert "Guro Jobs One-Stop Portal" in page


def test_an_expected_refusal_logs_one_line_without_a_traceback(caplog):
    resident = factories.ResidentFactory(with_user=True).user
    with caplog.at_level(logging.WARNING, logger="django.request"):
        client_for(resident).get("/dashboard/")
        client_for().get("/no-such-page/")
    records = [record for record in caplog.records if record.name == "django.request"]
    assert [record.getMessage() for record in records] == [
        "Forbidden (Permission denied): /dashboard/",
        "Not Found: /no-such-page/",
    ]
    assert all(record.exc_info is None for record in records)
    assert "Traceback" not in caplog.text


def test_a_real_fault_still_logs_its_traceback(monkeypatch, caplog):
    def broken():
        raise RuntimeError("the figures broke")

    monkeypatch.setattr("guro_jobs.views.home_figures", broken)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        client_for().get("/")
    errors = [record for record in caplog.records if record.name == "django.request"]
    assert errors and errors[0].exc_info is not None
    assert "RuntimeError: the figures broke" in caplog.text


# ---- favicon --------------------------------------------------------------------------------


def test_favicon_ico_is_the_portals_icon():
    client = client_for()
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("favicon.ico")
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    body = b"".join(icon.streaming_content) if icon.streaming else icon.content
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_every_portal_page_names_its_icon():
    page = client_for().get("/").content.decode()
    assert 'rel="icon"' in page and "favicon.svg" in page


# ---- the dashboard is linked -----------------------------------------------------------------


@pytest.mark.parametrize("make_user", [factories.staff_user, factories.manager_user])
def test_staff_and_managers_find_the_dashboard_in_the_header(make_user):
    page = client_for(make_user()).get("/").content.decode()
    assert 'href="/dashboard/"' in page


def test_residents_and_visitors_get_no_dashboard_link():
    resident = factories.ResidentFactory(with_user=True).user
    assert 'href="/dashboard/"' not in client_for(resident).get("/").content.decode()
    assert 'href="/dashboard/"' not in client_for().get("/").content.decode()


@pytest.mark.parametrize("make_user", [factories.staff_user, factories.manager_user])
def test_the_admin_index_links_to_the_dashboard(make_user):
    response = client_for(make_user()).get("/admin/")
    assert response.status_code == 200
    assert 'href="/dashboard/"' in response.content.decode()


# ---- the admin's language switch and greeting ------------------------------------------------


def test_the_admin_has_a_language_switch():
    page = client_for(factories.staff_user()).get("/admin/").content.decode()
    assert 'action="/i18n/setlang/"' in page
    assert 'name="language"' in page and 'value="en"' in page


def test_the_admin_login_page_has_a_language_switch():
    page = client_for().get("/admin/login/").content.decode()
    assert 'action="/i18n/setlang/"' in page


def test_the_admin_greets_the_person_by_name():
    staff = factories.staff_user()  # 김 직원
    page = client_for(staff).get("/admin/").content.decode()
    assert "<strong>김직원</strong>" in page


def test_the_admin_switches_to_english():
    client = client_for(factories.staff_user())
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/admin/"})
    assert response.status_code == 302
    page = client.get("/admin/").content.decode()
    assert "Welcome," in page


def test_demo_users_carry_names_not_job_titles():
    call_command("create_demo_users", stdout=open("/dev/null", "w"))
    manager = User.objects.get(username="manager@guro.go.kr")
    assert "과장" not in (manager.first_name, manager.last_name)
    assert manager.first_name and manager.last_name
    page = client_for(manager).get("/admin/").content.decode()
    assert f"<strong>{manager.last_name}{manager.first_name}</strong>" in page


def test_a_500_page_that_cannot_render_its_header_falls_back_to_a_plain_korean_page(monkeypatch):
    def broken():
        raise RuntimeError("the figures broke")

    def header_fails(*args, **kwargs):
        raise RuntimeError("the database is down too")

    monkeypatch.setattr("guro_jobs.views.home_figures", broken)
    monkeypatch.setattr("guro_jobs.errors.render", header_fails)
    response = client_for().get("/")
    assert response.status_code == 500
    assert "일시적인 오류가 생겼습니다" in response.content.decode()


def test_a_refused_form_post_without_its_security_token_is_the_portals_korean_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    page = response.content.decode()
    assert 'id="header"' in page and "보안 확인 시간이 지났습니다" in page
