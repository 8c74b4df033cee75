"""The admin's header keeps Django's links (view site, documentation when installed, password,
log out, theme) with the documentation's address looked up once per process, not on every page."""

import re

import pytest

from guro_jobs import admin_site

pytestmark = pytest.mark.django_db


def user_tools(html):
    start = html.index('<div id="user-tools">')
    return re.sub(r"\s+", " ", html[start : html.index("</div>", start)])


def test_the_header_has_djangos_links_and_no_documentation_without_admindocs(client, admin_user):
    client.force_login(admin_user)
    tools = user_tools(client.get("/admin/residents/resident/").content.decode())
    assert '<a href="/admin/password_change/">' in tools
    assert '<form id="logout-form" method="post" action="/admin/logout/">' in tools
    assert 'name="csrfmiddlewaretoken"' in tools and 'class="theme-toggle"' in tools
    assert admin_site.admin_docs_url(None, "/") == ""
    assert "/doc/" not in tools


def test_the_header_links_the_documentation_when_it_has_an_address(client, admin_user, monkeypatch):
    monkeypatch.setattr(admin_site, "admin_docs_url", lambda urlconf, prefix: "/admin/doc/")
    client.force_login(admin_user)
    tools = user_tools(client.get("/admin/residents/resident/").content.decode())
    assert '<a href="/admin/doc/">' in tools
