"""Parts of a page drawn once per language and roles: base.html's header (brand, language switch,
menus) and footer, the vacancy search's headings and buttons.

Drawn by the template engine on every page, their {% translate %} and {% url %} tags cost more than
a cached page's own work. What they show depends only on the language, the script prefix and which
menus the visitor's roles open; the two per-request values in them, the CSRF token and the page's
own path (the language form's `next`), go in from stand-ins. So each part is drawn once per
(language, prefix, roles) in each worker and kept on its template node for the worker's life:
nothing in it is anyone's own data, and nothing a write changes (translations and URLs change with
a deploy). At most two languages × the role combinations there are: a few dozen short strings.

    {% load drawn_once %}{% drawn_once_per_role %}…{% enddrawn_once_per_role %}

Inside, a part sees only `user` (its ROLE_FLAGS), `request.get_full_path`, `csrf_token` and
`LANGUAGE_CODE`: anything else it reads of the user, the request or the page's context raises
NotInKey, so a part that would show one visitor's data to another fails loudly in tests
(tests/portal/test_drawn_once.py draws each part both ways for every role) instead. A new role flag
goes into ROLE_FLAGS; a part that needs more is drawn outside the tag.
"""

import re

from django import template
from django.urls import get_script_prefix
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

# The user attributes the menus ask, in the order they are keyed.
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


class NotInKey(Exception):
    """A kept part read something that its copies are not keyed by."""


class _UserStandIn:
    def __init__(self, roles):
        self.__dict__.update(zip(ROLE_FLAGS, roles, strict=True))

    def __getattr__(self, name):
        raise NotInKey(f"user.{name}: add it to ROLE_FLAGS or draw it outside the kept part")


class _RequestStandIn:
    def get_full_path(self):
        return _PATH

    def __getattr__(self, name):
        raise NotInKey(f"request.{name} is not a stand-in of a kept part")


class _OnlyTheStandIns(dict):
    """The kept part's whole context: it claims every name, so a lookup never falls through to a
    silent empty string, and a name that is not a stand-in raises."""

    def __contains__(self, name):
        return True

    def __getitem__(self, name):
        if not dict.__contains__(self, name):
            raise NotInKey(f"{name} is not a stand-in of a kept part: draw it outside the tag")
        return dict.__getitem__(self, name)


def roles_of(user):
    if user is None or not user.is_authenticated:
        return (False,) * len(ROLE_FLAGS)
    return tuple(bool(getattr(user, flag)) for flag in ROLE_FLAGS)


class DrawnOncePerRoleNode(template.Node):
    # {% extends %} looks for blocks through every page's node tree on each render: there are none
    # in here (a block inside would not be kept per page), so it does not look inside.
    child_nodelists = ()

    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.drawn = {}  # on the node: it lives as long as its compiled template (the cached loader)

    def render(self, context):
        request, token = context.get("request"), context.get("csrf_token")
        if request is None or not token or str(token) == "NOTPROVIDED":
            return self.nodelist.render(context)  # outside a request's CSRF context: draw it
        language_code = context.get("LANGUAGE_CODE")
        user = context.get("user")
        # A page has several kept parts: its visitor's roles and filled-in values are worked out once
        # (again if the page signs someone in or out, or gets a new token, while it is drawn).
        asked = (user, str(token), request.get_full_path())
        known = request.__dict__.get("_drawn_once_visitor")
        if known is None or known[0] is not user or known[1:3] != asked[1:]:
            values = {_TOKEN: escape(asked[1]), _PATH: escape(asked[2])}
            known = request._drawn_once_visitor = (*asked, roles_of(user), values)
        roles, values = known[3], known[4]
        key = (get_language(), language_code, get_script_prefix(), roles)
        pieces = self.drawn.get(key)
        if pieces is None:
            stand_ins = _OnlyTheStandIns(
                {
                    "True": True,
                    "False": False,
                    "None": None,
                    "forloop": {},  # what {% for %} asks of an enclosing loop
                    "LANGUAGE_CODE": language_code,
                    "csrf_token": _TOKEN,
                    "request": _RequestStandIn(),
                    "user": _UserStandIn(roles),
                }
            )
            pieces = _STAND_IN.split(self.nodelist.render(context.new(stand_ins)))
            self.drawn[key] = pieces
        return mark_safe("".join(values.get(piece, piece) for piece in pieces))


@register.tag
def drawn_once_per_role(parser, token):
    """{% drawn_once_per_role %}…{% enddrawn_once_per_role %}: see the module."""
    nodelist = parser.parse(("enddrawn_once_per_role",))
    parser.delete_first_token()
    return DrawnOncePerRoleNode(nodelist)
