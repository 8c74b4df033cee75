"""The staff lists draw their rows in Python (residents.admin_paging.LeanChangeList) and keep the
sidebar and the filters in the cache: the table is the one Django's admin draws, in each language,
and what is kept is each user's own and follows the chosen filters."""

import re

import pytest
from django.contrib.admin.templatetags.admin_list import pagination, result_list
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from residents.admin_paging import LeanChangeList
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def the_language_stays_as_it_was():
    """A request in English leaves English active in the thread; later tests expect Korean."""
    with translation.override(translation.get_language()):
        yield


LISTS = {
    "/admin/residents/resident/": lambda: factories.ResidentFactory.create_batch(4),
    "/admin/placements/jobapplication/": lambda: [
        factories.JobApplicationFactory(
            vacancy=factories.VacancyFactory(employer=factories.EmployerFactory())
        )
        for _ in range(4)
    ],
    "/admin/placements/placement/": lambda: factories.PlacementFactory.create_batch(4),
}


def table(html):
    start = html.index('<div class="results">')
    return re.sub(r"\s+", " ", html[start : html.index("</table>", start)])


def sidebar(html):
    start = html.index('<nav class="sticky" id="nav-sidebar"')
    return html[start : html.index("</nav>", start)]


def djangos_own_table(changelist):
    return mark_safe(render_to_string("admin/change_list_results.html", result_list(changelist)))


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("path", list(LISTS))
def test_a_staff_list_draws_the_same_table_as_djangos_admin(client, admin_user, monkeypatch, path, language):
    LISTS[path]()
    client.force_login(admin_user)
    for query in ["", "?o=-3", "?o=2.-3", "?q=주민"]:
        lean = table(client.get(path + query, HTTP_ACCEPT_LANGUAGE=language).content.decode())
        with monkeypatch.context() as patch:
            patch.setattr(LeanChangeList, "result_table", djangos_own_table)
            own = table(client.get(path + query, HTTP_ACCEPT_LANGUAGE=language).content.decode())
        assert lean == own
        assert lean.count("<tr>") >= 2


def test_the_sidebar_kept_for_one_user_is_never_shown_to_another(client, admin_user, staff_user, settings):
    factories.ResidentFactory()
    client.force_login(admin_user)
    everything = sidebar(client.get("/admin/residents/resident/").content.decode())
    client.force_login(staff_user)
    kept = sidebar(client.get("/admin/residents/resident/").content.decode())
    settings.PAGE_CACHE_SECONDS = 0
    drawn = sidebar(client.get("/admin/residents/resident/").content.decode())
    assert kept == drawn
    assert "/admin/accounts/user/" in everything


def test_the_kept_filters_follow_the_chosen_filter(client, staff_user):
    factories.ResidentFactory(gender="female")
    client.force_login(staff_user)
    chosen = client.get("/admin/residents/resident/", {"gender__exact": "female"}).content.decode()
    plain = client.get("/admin/residents/resident/").content.decode()
    again = client.get("/admin/residents/resident/", {"gender__exact": "female"}).content.decode()
    selected = re.compile(r'<li class="selected">\s*<a href="\?gender__exact=female"')
    assert selected.search(chosen) and selected.search(again) and not selected.search(plain)


def section(html, start, end):
    begin = html.index(start)
    return re.sub(r"\s+", " ", html[begin : html.index(end, begin) + len(end)]).strip()


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("path", list(LISTS))
def test_a_staff_list_draws_the_same_action_bar_and_page_links_as_djangos_admin(
    client, admin_user, monkeypatch, path, language
):
    LISTS[path]()
    client.force_login(admin_user)
    model_admin = client.get(path).context["cl"].model_admin
    monkeypatch.setattr(model_admin, "list_per_page", 1)  # several pages: page links, "select all"
    for query in ["", "?p=2", "?o=-3"]:
        response = client.get(path + query, HTTP_ACCEPT_LANGUAGE=language)
        lean, cl = response.content.decode(), response.context["cl"]
        with translation.override(language):
            own_pages = render_to_string("admin/pagination.html", pagination(cl))
            own_actions = render_to_string("admin/actions.html", {**response.context_data, "action_index": 0})
        assert section(lean, '<p class="paginator">', "</p>") == section(
            own_pages, '<p class="paginator">', "</p>"
        )
        assert section(lean, '<div class="actions">', "</div>") == section(
            own_actions, '<div class="actions">', "</div>"
        )
        assert 'class="question hidden"' in lean
        assert 'class="end"' in section(lean, '<p class="paginator">', "</p>")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_an_application_and_a_placement_name_themselves_as_with_djangos_choice_labels(language):
    from django.utils import timezone, translation

    application = factories.JobApplicationFactory(status="hired")
    placement = factories.PlacementFactory(
        status="cancelled", cancellation_reason="오입력", cancelled_at=timezone.now()
    )
    with translation.override(language):
        assert str(application).endswith(f"({application.get_status_display()})")
        assert f" · {placement.get_source_display()} · " in str(placement)
        assert str(placement).endswith(f"({placement.get_status_display()})")
