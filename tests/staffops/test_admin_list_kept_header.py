"""A staff list keeps its header (the staff member's greeting and links, the language form) in the
cache per user, permissions, page address, language and CSRF secret
(residents.admin_kept_list.header_cache_key): it never greets one user with another's name, follows a
change of name at once, returns the language form to the page shown, and its forms' CSRF token is
the one the browser's own secret accepts."""

import re

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db

RESIDENTS = "/admin/residents/resident/"


def header(html):
    start = html.index('<header id="header">')
    return html[start : html.index("</header>", start)]


def csrf_token_in(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', header(html)).group(1)


def test_the_kept_header_greets_each_user_by_their_own_name(client, staff_user):
    other = factories.staff_user(username="other@guro.go.kr")
    other.last_name, other.first_name = "박", "담당"
    other.save()
    client.force_login(staff_user)
    client.get(RESIDENTS)
    assert "<strong>김직원</strong>" in header(client.get(RESIDENTS).content.decode())
    second = Client()
    second.force_login(other)
    second.get(RESIDENTS)
    shown = header(second.get(RESIDENTS).content.decode())
    assert "<strong>박담당</strong>" in shown and "김직원" not in shown


def test_a_renamed_user_is_greeted_by_the_new_name_on_the_next_view(client, staff_user):
    client.force_login(staff_user)
    client.get(RESIDENTS)
    client.get(RESIDENTS)
    staff_user.first_name = "팀장"
    staff_user.save()
    assert "<strong>김팀장</strong>" in header(client.get(RESIDENTS).content.decode())


def test_the_kept_language_form_returns_to_the_page_shown(client, staff_user):
    client.force_login(staff_user)
    for name, quoted in [("김", "%EA%B9%80"), ("박", "%EB%B0%95"), ("김", "%EA%B9%80")]:
        shown = header(client.get(RESIDENTS, {"q": name}).content.decode())
        next_value = re.search(r'name="next" type="hidden" value="([^"]+)"', shown).group(1)
        assert next_value == f"{RESIDENTS}?q={quoted}"


def test_the_kept_header_carries_a_csrf_token_each_browser_can_post_with(staff_user):
    browsers = [Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)]
    for browser in browsers:
        browser.force_login(staff_user)
        browser.get(RESIDENTS)
    for browser in browsers:
        token = csrf_token_in(browser.get(RESIDENTS).content.decode())  # the kept header
        response = browser.post(
            "/i18n/setlang/", {"language": "ko", "next": RESIDENTS, "csrfmiddlewaretoken": token}
        )
        assert response.status_code == 302, response.status_code


def object_tools(html):
    start = html.index('<ul class="object-tools">')
    return html[start : html.index("</ul>", start)]


def test_the_kept_export_link_follows_the_chosen_filter(client, staff_user):
    client.force_login(staff_user)
    for gender in ["female", "male", "female"]:
        tools = object_tools(client.get(RESIDENTS, {"gender__exact": gender}).content.decode())
        assert f"export/?gender__exact={gender}" in tools


def test_a_user_who_loses_the_add_permission_loses_the_kept_add_link(client, staff_user):
    from django.contrib.auth.models import Permission

    client.force_login(staff_user)
    client.get(RESIDENTS)
    assert "/admin/residents/resident/add/" in object_tools(client.get(RESIDENTS).content.decode())
    add = Permission.objects.get(codename="add_resident", content_type__app_label="residents")
    for group in staff_user.groups.all():
        group.permissions.remove(add)
    staff_user.user_permissions.remove(add)
    assert "/admin/residents/resident/add/" not in object_tools(client.get(RESIDENTS).content.decode())
