"""Who may open which page: one table of role × URL × expected status.

A resident sees only their own data, an employer only their own vacancies and applicants;
another person's id in the URL is refused (404), another role's page is forbidden (403),
and anonymous visitors are sent to log in (302).
"""

import re

import pytest

pytestmark = pytest.mark.django_db

ANON, RESIDENT, EMPLOYER, STAFF = "anonymous", "resident", "employer", "staff"

# (method, url template, {role: expected status})
TABLE = [
    ("get", "/", {ANON: 200, RESIDENT: 200, EMPLOYER: 200, STAFF: 200}),
    ("get", "/programs/", {ANON: 200, RESIDENT: 200, EMPLOYER: 200, STAFF: 200}),
    ("get", "/programs/{program}/", {ANON: 200, RESIDENT: 200, EMPLOYER: 200, STAFF: 200}),
    ("get", "/vacancies/", {ANON: 200, RESIDENT: 200, EMPLOYER: 200, STAFF: 200}),
    ("get", "/vacancies/{vacancy}/", {ANON: 200, RESIDENT: 200, EMPLOYER: 200, STAFF: 200}),
    ("get", "/vacancies/{draft}/", {ANON: 404, RESIDENT: 404, EMPLOYER: 404, STAFF: 404}),
    ("post", "/vacancies/{vacancy}/apply/", {ANON: 302, RESIDENT: 302, EMPLOYER: 403, STAFF: 403}),
    ("post", "/programs/{program}/apply/", {ANON: 302, RESIDENT: 302, EMPLOYER: 403, STAFF: 403}),
    ("get", "/me/", {ANON: 302, RESIDENT: 200, EMPLOYER: 403, STAFF: 403}),
    ("get", "/me/profile/", {ANON: 302, RESIDENT: 200, EMPLOYER: 403, STAFF: 403}),
    ("get", "/me/data.json", {ANON: 302, RESIDENT: 200, EMPLOYER: 403, STAFF: 403}),
    ("get", "/me/data.csv", {ANON: 302, RESIDENT: 200, EMPLOYER: 403, STAFF: 403}),
    ("get", "/me/delete/", {ANON: 302, RESIDENT: 200, EMPLOYER: 403, STAFF: 403}),
    ("get", "/me/mail/", {ANON: 302, RESIDENT: 200, EMPLOYER: 200, STAFF: 200}),
    ("get", "/me/alerts/", {ANON: 302, RESIDENT: 200, EMPLOYER: 403, STAFF: 403}),
    ("post", "/me/consent/provision/withdraw/", {ANON: 302, RESIDENT: 302, EMPLOYER: 403, STAFF: 403}),
    ("post", "/me/alerts/{saved_search}/delete/", {ANON: 302, RESIDENT: 302, EMPLOYER: 403, STAFF: 403}),
    (
        "post",
        "/me/alerts/{other_saved_search}/delete/",
        {ANON: 302, RESIDENT: 404, EMPLOYER: 403, STAFF: 403},
    ),
    ("get", "/employer/", {ANON: 302, RESIDENT: 403, EMPLOYER: 200, STAFF: 403}),
    ("get", "/employer/vacancies/new/", {ANON: 302, RESIDENT: 403, EMPLOYER: 200, STAFF: 403}),
    ("get", "/employer/vacancies/{vacancy}/", {ANON: 302, RESIDENT: 403, EMPLOYER: 200, STAFF: 403}),
    ("get", "/employer/vacancies/{other_vacancy}/", {ANON: 302, RESIDENT: 403, EMPLOYER: 404, STAFF: 403}),
    ("get", "/employer/vacancies/{draft}/edit/", {ANON: 302, RESIDENT: 403, EMPLOYER: 200, STAFF: 403}),
    (
        "get",
        "/employer/vacancies/{other_vacancy}/edit/",
        {ANON: 302, RESIDENT: 403, EMPLOYER: 404, STAFF: 403},
    ),
    (
        "post",
        "/employer/vacancies/{other_vacancy}/close/",
        {ANON: 302, RESIDENT: 403, EMPLOYER: 404, STAFF: 403},
    ),
    (
        "post",
        "/employer/applications/{other_application}/move/",
        {ANON: 302, RESIDENT: 403, EMPLOYER: 404, STAFF: 403},
    ),
]


def login_as(client, world, role):
    user = {
        RESIDENT: world.resident.user,
        EMPLOYER: world.employer_user,
        STAFF: world.staff_user,
    }.get(role)
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize(("method", "url", "expected"), TABLE, ids=[f"{m} {u}" for m, u, _ in TABLE])
@pytest.mark.parametrize("role", [ANON, RESIDENT, EMPLOYER, STAFF])
def test_each_role_gets_only_what_it_may_see(client, world, role, method, url, expected):
    login_as(client, world, role)
    ids = {
        "program": world.program.pk,
        "vacancy": world.vacancy.pk,
        "draft": world.draft.pk,
        "other_vacancy": world.other_vacancy.pk,
        "other_application": world.other_application.pk,
        "saved_search": world.saved_search.pk,
        "other_saved_search": world.other_saved_search.pk,
    }
    response = getattr(client, method)(url.format(**ids), {"status": "hired"} if method == "post" else None)
    assert response.status_code == expected[role]
    if expected[role] == 302 and role == ANON:
        assert response["Location"].startswith("/accounts/login/")


def test_a_residents_page_never_shows_another_residents_records(client, world):
    client.force_login(world.resident.user)
    page = client.get("/me/").content.decode()
    # 공고 추천 may suggest the other firm's open (public) vacancy; no other resident's record shows.
    page = re.sub(r'<section aria-labelledby="recommendations-title".*?</section>', "", page, flags=re.S)
    assert "물류 관리 사원" in page
    assert "다른 회사 공고" not in page
    data = client.get("/me/data.json").content.decode()
    assert "김구로" in data and "이신도" not in data


def test_employer_cannot_see_other_employers_applicants(client, world):
    client.force_login(world.employer_user)
    home = client.get("/employer/").content.decode()
    assert "김구로" in home
    assert "이신도" not in home
    assert client.get(f"/employer/vacancies/{world.other_vacancy.pk}/").status_code == 404


def test_forms_are_protected_by_csrf(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.resident.user)
    response = client.post(f"/programs/{world.program.pk}/apply/")
    assert response.status_code == 403
    assert not world.program.applications.exists()
