"""The home page: what the portal is, this year's figures against the target, entry points."""

import pytest
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def test_home_shows_this_years_hires_against_the_target_and_entry_points(client):
    year = timezone.localdate().year
    factories.plan_with_years(first_year=year, last_year=year, targets={year: (1200, 800, 400)})
    for _ in range(3):
        factories.PlacementFactory(started_on=timezone.localdate())
    factories.PlacementFactory(started_on=timezone.localdate().replace(year=year - 1))
    page = client.get("/").content.decode()
    assert '<span class="figure">3</span>' in page
    assert "목표 1,200명" in page
    for link in [
        'href="/programs/"',
        'href="/vacancies/"',
        'href="/employer/"',
        'href="/admin/"',
        'href="/plans/"',
    ]:
        assert link in page


def test_every_page_has_a_skip_link_a_language_switch_and_local_assets(client):
    page = client.get("/").content.decode()
    assert 'href="#main"' in page
    assert 'action="/i18n/setlang/"' in page
    assert "/static/krds/css/component/output.css" in page
    assert "http://" not in page.split("<body")[0] and "https://" not in page.split("<body")[0]


def test_the_language_switch_turns_the_portal_to_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert '<html lang="en">' in response.content.decode()
