"""The page header of base.html (brand, language switch, menus), drawn once per kind of visitor.

Drawn by the template engine on every page it costs more than a cached page's own work (a dozen
{% translate %} and {% url %} tags, the language list). What it shows depends only on the language,
the script prefix and which menus the visitor's roles open; the two per-request values in it, the
CSRF token and the page's own path (the language form's `next`), go in from stand-ins. So it is
drawn once per (language, prefix, roles) in each worker and kept for the worker's life: nothing in
it is anyone's own data, and nothing a write changes (translations and URLs change with a deploy).
At most two languages × the role combinations there are: a few dozen short strings per worker.

Anything the header shows must come from those: the stand-ins for `user` and `request` raise
NotInHeaderKey for any other attribute, so a menu that reads more of the user fails loudly in tests
(tests/portal/test_portal_header.py draws the header both ways for every role) instead of showing
one visitor's header to another. A new role flag goes into ROLE_FLAGS.
"""

import re

from django import template
from django.urls import get_script_prefix
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

# The user attributes the header's menus ask, in the order they are keyed.
ROLE_FLAGS = (
    "is_authenticated",
    "is_employer_user",
    "is_resident_user",
    "is_district_staff",
    "is_manager",
    "is_staff",
)
_TOKEN, _PATH = "h3CsrfTokenStandIn", "h3FullPathStandIn"
_STAND_IN = re.compile(f"({_TOKEN}|{_PATH})")


class NotInHeaderKey(Exception):
    """The header read something of the visitor that its kept copies are not keyed by."""


class _UserStandIn:
    def __init__(self, roles):
        self.__dict__.update(zip(ROLE_FLAGS, roles, strict=True))

    def __getattr__(self, name):
        raise NotInHeaderKey(f"user.{name}: add it to ROLE_FLAGS or draw it outside the header")


class _RequestStandIn:
    def get_full_path(self):
        return _PATH

    def __getattr__(self, name):
        raise NotInHeaderKey(f"request.{name} is not a stand-in of the kept header")


def roles_of(user):
    if user is None or not user.is_authenticated:
        return (False,) * len(ROLE_FLAGS)
    return tuple(bool(getattr(user, flag)) for flag in ROLE_FLAGS)


class HeaderNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.drawn = {}  # on the node: it lives as long as its compiled template (the cached loader)

    def render(self, context):
        request, token = context.get("request"), context.get("csrf_token")
        if request is None or not token or str(token) == "NOTPROVIDED":
            return self.nodelist.render(context)  # outside a request's CSRF context: draw it
        key = (get_language(), get_script_prefix(), roles_of(context.get("user")))
        pieces = self.drawn.get(key)
        if pieces is None:
            stand_ins = {"csrf_token": _TOKEN, "request": _RequestStandIn(), "user": _UserStandIn(key[2])}
            with context.push(stand_ins):
                pieces = _STAND_IN.split(self.nodelist.render(context))
            self.drawn[key] = pieces
        values = {_TOKEN: escape(str(token)), _PATH: escape(request.get_full_path())}
        return mark_safe("".join(values.get(piece, piece) for piece in pieces))


@register.tag
def header_drawn_once_per_role(parser, token):
    """{% header_drawn_once_per_role %}…{% endheader_drawn_once_per_role %}: see the module."""
    nodelist = parser.parse(("endheader_drawn_once_per_role",))
    parser.delete_first_token()
    return HeaderNode(nodelist)
