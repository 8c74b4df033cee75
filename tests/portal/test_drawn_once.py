"""base.html's header and footer and the vacancy search's headings and buttons are drawn once per
language and roles in each worker and then filled with the request's CSRF token and path: each part
must be byte for byte what the template draws for that visitor, for every role, and must refuse to
read anything it is not keyed by (accounts/templatetags/drawn_once.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, RequestContext, Template
from django.template.loader import get_template
from django.test import RequestFactory
from django.utils import translation

from accounts.templatetags.drawn_once import DrawnOncePerRoleNode, NotInKey
from tests import factories

pytestmark = pytest.mark.django_db

VISITORS = {
    "anonymous": lambda: AnonymousUser(),
    "resident": lambda: factories.ResidentFactory(with_user=True).user,
    "employer": factories.employer_user,
    "district staff": factories.staff_user,
    "manager": factories.manager_user,
}


# A page's path as the language form's `next` draws it.
PATHS = {
    "/vacancies/?q=%3Cb%3E&page=2": 'name="next" type="hidden" value="/vacancies/?q=%3Cb%3E&amp;page=2"',
    "/programs/?x=%22y%22": 'name="next" type="hidden" value="/programs/?x=%22y%22"',
}


TEMPLATES_WITH_KEPT_PARTS = {"base.html": 2, "employers/vacancy_list.html": 4}


def kept_parts(template_name):
    """The template's drawn_once_per_role nodes (get_nodes_by_type does not look inside them)."""
    found = []

    def walk(nodelist):
        for node in nodelist:
            if isinstance(node, DrawnOncePerRoleNode) and node not in found:
                found.append(node)
            for name in ("nodelist", "nodelist_true", "nodelist_false", "nodelist_loop", "nodelist_empty"):
                walk(getattr(node, name, None) or [])
            for _condition, branch in getattr(node, "conditions_nodelists", []):
                walk(branch)

    walk(get_template(template_name).template.nodelist)
    return found


def contexts(user, path, template_name):
    request = RequestFactory().get(path)
    request.user = user
    context = RequestContext(request, {"LANGUAGE_CODE": translation.get_language()})
    with context.bind_template(get_template(template_name).template):
        yield context


@pytest.mark.parametrize("template_name", TEMPLATES_WITH_KEPT_PARTS)
@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("visitor", VISITORS)
def test_each_kept_part_is_byte_for_byte_what_the_template_draws_for_each_role(
    visitor, language, template_name
):
    user = VISITORS[visitor]()
    parts = kept_parts(template_name)
    assert len(parts) == TEMPLATES_WITH_KEPT_PARTS[template_name]
    with translation.override(language):
        for path, next_field in PATHS.items():
            for context in contexts(user, path, template_name):
                for part in parts:
                    drawn = part.nodelist.render(context)
                    assert part.render(context) == drawn  # drawn once (or already kept), then filled
                    assert part.render(context) == drawn  # from the kept copy
                header = parts[0].nodelist.render(context)
                if template_name == "base.html":
                    assert next_field in header and f'value="{context["csrf_token"]}"' in header


def test_each_role_gets_its_own_menus_from_the_kept_headers(client):
    resident = factories.ResidentFactory(with_user=True).user
    staff = factories.manager_user()
    client.force_login(resident)
    mine = client.get("/vacancies/").content.decode()
    client.force_login(staff)
    theirs = client.get("/vacancies/").content.decode()
    client.logout()
    nobodys = client.get("/vacancies/").content.decode()
    assert "내 정보" in mine and "대시보드" not in mine and "로그아웃" in mine
    assert "대시보드" in theirs and "내 정보" not in theirs
    assert "로그인" in nobodys and "로그아웃" not in nobodys


@pytest.mark.parametrize(
    "inside",
    [
        "{{ user.email }}",
        "{{ request.path }}",
        "{{ query_without_page }}",
        "{% if is_resident %}x{% endif %}",
    ],
)
def test_a_kept_part_that_reads_more_than_its_key_fails_loudly(inside):
    request = RequestFactory().get("/")
    request.user = factories.ResidentFactory(with_user=True).user
    kept = Template(
        "{% load drawn_once %}{% drawn_once_per_role %}" + inside + "{% enddrawn_once_per_role %}"
    )
    with pytest.raises(NotInKey):
        kept.render(RequestContext(request, {"query_without_page": "q=1", "is_resident": True}))


def test_outside_a_request_a_part_is_drawn_as_the_template_draws_it():
    user = factories.ResidentFactory(with_user=True).user
    kept = Template(
        "{% load drawn_once %}{% drawn_once_per_role %}{{ user.email }}{% enddrawn_once_per_role %}"
    )
    assert kept.render(Context({"user": user})) == user.email


def test_a_request_whose_visitor_changes_while_it_is_drawn_gets_the_new_visitors_parts():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    kept = Template(
        "{% load drawn_once %}{% drawn_once_per_role %}{% if user.is_authenticated %}로그아웃{% else %}로그인"
        "{% endif %}{% enddrawn_once_per_role %}"
    )
    assert kept.render(RequestContext(request, {})) == "로그인"
    request.user = factories.ResidentFactory(with_user=True).user  # as a sign-in view does
    assert kept.render(RequestContext(request, {})) == "로그아웃"
