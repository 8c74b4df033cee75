"""The 관심 공고 button for vacancy templates, which live in `employers` (below `alerts`).

Templates in `employers` `{% load saved_vacancies %}` and call `{% saved_vacancy_button vacancy %}`;
no Python in `employers` imports `alerts`. The resident's saved ids are read once per request, so a
list of twenty vacancies costs one query, not twenty.

A list that is kept in the shared page cache (the vacancy search) cannot hold anyone's buttons: its
rows end with a slot (employers/result_rows.py: a marker with the vacancy's id, the same for
everyone) instead, and the page puts the visitor's own buttons in with
`{% with_saved_vacancy_buttons html titles %}` per request: the resident's saved ids among the rows
(`saved_vacancy_ids_of_rows` in the context, read with the resident in one query by
alerts/vacancy_views.py; without it one query of the resident's saved ids),
the button's HTML assembled from pieces drawn once per language (byte for byte what
`saved_vacancy_button` draws), and for anyone who is not a resident what that template draws for
them (its newline).
"""

import re

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from alerts.selectors import saved_vacancy_ids_of
from employers.result_rows import ROW_SLOT_PATTERN
from residents.permissions import resident_of_request

register = template.Library()

BUTTON_TEMPLATE = "alerts/saved_vacancy_button.html"


def _saved_ids(request):
    if not hasattr(request, "_saved_vacancy_ids"):
        resident = resident_of_request(request) if request.user.is_authenticated else None
        request._saved_vacancy_ids = None if resident is None else saved_vacancy_ids_of(resident)
    return request._saved_vacancy_ids


@register.inclusion_tag(BUTTON_TEMPLATE, takes_context=True)
def saved_vacancy_button(context, vacancy):
    """A save / unsave button for residents; nothing for anyone else."""
    request = context.get("request")
    saved_ids = _saved_ids(request) if request is not None else None
    return {
        "request": request,
        "vacancy": vacancy,
        "show": saved_ids is not None,
        "saved": saved_ids is not None and vacancy.pk in saved_ids,
        "csrf_token": context.get("csrf_token"),
    }


# The button's variable parts, drawn with stand-ins and split on them once per language.
_PK = 907_153_208_641
_STAND_INS = {"pk": str(_PK), "title": "h1TitleStandIn", "next": "h1NextStandIn", "csrf": "h1CsrfStandIn"}
_STAND_IN_PATTERN = re.compile("(" + "|".join(re.escape(value) for value in _STAND_INS.values()) + ")")
_PART_OF = {value: name for name, value in _STAND_INS.items()}
_pieces_cache = {}


class _StandIn:
    def __init__(self, **values):
        self.__dict__.update(values)


def _button_pieces(saved):
    """The button's HTML as [literal, ("part", name), literal, …] for the current language."""
    key = (get_language(), get_script_prefix(), saved)
    pieces = _pieces_cache.get(key)
    if pieces is None:
        html = render_to_string(
            BUTTON_TEMPLATE,
            {
                "show": True,
                "saved": saved,
                "vacancy": _StandIn(pk=_PK, title=_STAND_INS["title"]),
                "request": _StandIn(get_full_path=lambda: _STAND_INS["next"]),
                "csrf_token": _STAND_INS["csrf"],
            },
        )
        pieces = [
            (_PART_OF[piece],) if piece in _PART_OF else piece for piece in _STAND_IN_PATTERN.split(html)
        ]
        _pieces_cache[key] = pieces
    return pieces


def _no_button():
    key = (get_language(), None)
    if key not in _pieces_cache:
        _pieces_cache[key] = render_to_string(BUTTON_TEMPLATE, {"show": False})
    return _pieces_cache[key]


def _button_format(pieces, shared):
    """The button as a str.format template with this request's `shared` parts already in: each row
    then costs one format call with its id and title."""

    def literal(text):
        return text.replace("{", "{{").replace("}", "}}")

    return "".join(
        literal(piece)
        if isinstance(piece, str)
        else literal(shared[piece[0]])
        if piece[0] in shared
        else "{" + piece[0] + "}"
        for piece in pieces
    )


@register.simple_tag(takes_context=True)
def with_saved_vacancy_buttons(context, html, titles):
    """`html` with each slot replaced by this visitor's button for that vacancy (`titles`: id → title
    of the list's vacancies), or by nothing for a visitor who is not a resident."""
    html = str(html or "")
    request = context.get("request")
    if "saved_vacancy_ids_of_rows" in context:  # read with the resident (alerts/vacancy_views.py)
        saved_ids = context["saved_vacancy_ids_of_rows"]
    else:
        saved_ids = _saved_ids(request) if request is not None and "\x00" in html else None
    if saved_ids is None:  # what the button template draws for anyone who is not a resident
        nothing = _no_button()
        return mark_safe(ROW_SLOT_PATTERN.sub(lambda _match: nothing, html))
    token = context.get("csrf_token")
    if not token or str(token) == "NOTPROVIDED":
        # No token to put in (a page drawn outside a request's CSRF context): draw each button.
        return mark_safe(ROW_SLOT_PATTERN.sub(lambda m: _drawn_button(context, int(m[1]), titles), html))
    shared = {"next": escape(request.get_full_path()), "csrf": escape(str(token))}
    saved_button = _button_format(_button_pieces(True), shared)
    unsaved_button = _button_format(_button_pieces(False), shared)

    def button(match):
        pk = int(match[1])
        return (saved_button if pk in saved_ids else unsaved_button).format(
            pk=pk, title=escape(titles.get(pk, ""))
        )

    return mark_safe(ROW_SLOT_PATTERN.sub(button, html))


def _drawn_button(context, pk, titles):
    vacancy = _StandIn(pk=pk, title=titles.get(pk, ""))
    return render_to_string(BUTTON_TEMPLATE, saved_vacancy_button(context, vacancy))
