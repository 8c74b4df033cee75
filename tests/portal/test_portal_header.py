"""base.html's header (brand, language switch, menus) is drawn once per language and roles in each
worker and then filled with the request's CSRF token and path: it must be byte for byte what the
template draws for that visitor, for every role, and it must refuse to read anything of the visitor
it is not keyed by (accounts/templatetags/portal_header.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, RequestContext, Template
from django.template.loader import get_template
from django.test import RequestFactory
from django.utils import translation

from accounts.templatetags.portal_header import HeaderNode, NotInHeaderKey
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


def header_node():
    (node,) = get_template("base.html").template.nodelist.get_nodes_by_type(HeaderNode)
    return node


def contexts(user, path):
    request = RequestFactory().get(path)
    request.user = user
    context = RequestContext(request, {"LANGUAGE_CODE": translation.get_language()})
    with context.bind_template(get_template("base.html").template):
        yield context


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("visitor", VISITORS)
def test_the_kept_header_is_byte_for_byte_what_the_template_draws_for_each_role(visitor, language):
    user = VISITORS[visitor]()
    node = header_node()
    with translation.override(language):
        for path, next_field in PATHS.items():
            for context in contexts(user, path):
                drawn = node.nodelist.render(context)
                assert node.render(context) == drawn  # drawn once (or already kept), then filled
                assert node.render(context) == drawn  # from the kept copy
                assert next_field in drawn
                assert f'value="{context["csrf_token"]}"' in drawn


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


def test_a_header_that_reads_more_of_the_visitor_than_its_roles_fails_loudly():
    request = RequestFactory().get("/")
    request.user = factories.ResidentFactory(with_user=True).user
    kept = Template(
        "{% load portal_header %}{% header_drawn_once_per_role %}{{ user.email }}"
        "{% endheader_drawn_once_per_role %}"
    )
    with pytest.raises(NotInHeaderKey):
        kept.render(RequestContext(request, {}))


def test_outside_a_request_the_header_is_drawn_as_the_template_draws_it():
    user = factories.ResidentFactory(with_user=True).user
    kept = Template(
        "{% load portal_header %}{% header_drawn_once_per_role %}{{ user.email }}"
        "{% endheader_drawn_once_per_role %}"
    )
    assert kept.render(Context({"user": user})) == user.email
