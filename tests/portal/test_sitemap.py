"""/sitemap.xml lists the public pages (open vacancies, programs, employer pages, plans, the static
pages) with lastmod where known, and no private page; /robots.txt keeps crawlers out of the rest."""

import re

import pytest

from employers.models import Vacancy
from tests import factories

pytestmark = pytest.mark.django_db


def locations(client, path):
    body = client.get(path).content.decode()
    return re.findall(r"<loc>http://testserver(/[^<]*)</loc>", body), body


def all_sitemap_locations(client):
    sections, _body = locations(client, "/sitemap.xml")
    found = []
    for section in sections:
        found += locations(client, section)[0]
    return sections, found


def test_the_sitemap_index_names_a_section_per_kind_of_public_page(client):
    sections, _found = all_sitemap_locations(client)
    assert sections == [
        "/sitemap-pages.xml",
        "/sitemap-vacancies.xml",
        "/sitemap-programs.xml",
        "/sitemap-companies.xml",
        "/sitemap-plans.xml",
    ]


def test_the_sitemap_lists_open_vacancies_programs_employer_pages_and_plans_only(client):
    open_vacancy = factories.VacancyFactory()
    draft = factories.VacancyFactory(status=Vacancy.Status.DRAFT, posted_on=None)
    closed = factories.VacancyFactory(status=Vacancy.Status.CLOSED)
    program = factories.ProgramFactory(is_published=True)
    hidden_program = factories.ProgramFactory(is_published=False)
    plan = factories.first_plan()

    _sections, found = all_sitemap_locations(client)

    assert "/" in found and "/vacancies/" in found and "/programs/" in found and "/plans/" in found
    assert f"/vacancies/{open_vacancy.pk}/" in found
    assert f"/vacancies/{draft.pk}/" not in found and f"/vacancies/{closed.pk}/" not in found
    assert f"/programs/{program.pk}/" in found and f"/programs/{hidden_program.pk}/" not in found
    assert f"/companies/{open_vacancy.employer_id}/" in found
    assert f"/companies/{draft.employer_id}/" not in found
    assert f"/plans/{plan.pk}/" in found
    private = ("/me/", "/employer/", "/admin/", "/api/", "/accounts/", "/casework/", "/dashboard/")
    assert not [path for path in found if path.startswith(private)]


def test_vacancies_in_the_sitemap_carry_their_lastmod(client):
    vacancy = factories.VacancyFactory()
    _found, body = locations(client, "/sitemap-vacancies.xml")
    assert (
        f"<loc>http://testserver/vacancies/{vacancy.pk}/</loc><lastmod>{vacancy.posted_on:%Y-%m-%d}"
        in re.sub(r"\s+", "", body)
    )


def test_the_vacancy_section_takes_the_same_queries_for_one_or_twenty(client, django_assert_max_num_queries):
    factories.VacancyFactory()
    with django_assert_max_num_queries(3) as one:
        client.get("/sitemap-vacancies.xml")
    for _ in range(19):
        factories.VacancyFactory()
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get("/sitemap-vacancies.xml")


def test_robots_txt_allows_the_public_pages_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Allow: /\n" in text
    for path in ("/admin/", "/api/", "/me/", "/accounts/", "/employer/"):
        assert f"Disallow: {path}\n" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
