"""Whole dashboard pages as drawn, kept in this worker's memory for the next reader who would get
the same bytes. Staff open the dashboard all day and, between two recomputes, every one of them of
the same role sees the same page; drawing it (the base template's chrome, the toolbar, the casework
tables around the kept figures) cost more than the rest of the request.

A kept page is found by everything it is drawn from, so it never needs to be put out of use:
- what the view gives (`parts`: the year, the year list, the kept figures' key with the page
  cache's version, the casework figures, ...): a new snapshot, a new year or a new count is a new
  key, on the very next view;
- the reader's language, the URL prefix and the full path (the language switch sends it back);
- what the chrome shows of the reader: the roles that pick the menu links (`viewer_roles`), and
  nothing else of the person: no name, no e-mail.
The CSRF token is the one per-request value: a page is drawn with a placeholder and the reader's
own token is put in on each view (guro_jobs.drawn_pages). A page with
messages (after a recompute) is drawn for its reader and never kept. With the page cache off
(PAGE_CACHE_SECONDS=0, `parts` None) every page is drawn, as without this module.

tests/reports/test_dashboard_kept_pages.py holds each of these rules against a freshly drawn page.
"""

import hashlib

from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.translation import get_language

from guro_jobs.drawn_pages import CSRF_PLACEHOLDER, KeptDrawings, with_readers_token

# ~50 kB a page: years × languages × roles fit with room to spare.
ENTRIES = 64

_kept = KeptDrawings(ENTRIES)


def viewer_roles(user):
    """What base.html shows of the reader: the menu links of their roles (never their name)."""
    return (
        user.is_authenticated,
        user.is_authenticated and user.is_employer_user,
        user.is_authenticated and user.is_resident_user,
        user.is_authenticated and user.is_district_staff,
        user.is_authenticated and user.is_manager,
        user.is_staff,
    )


def page_key(request, template_name, parts):
    drawn_from = (
        template_name,
        parts,
        get_language(),
        get_script_prefix(),
        request.get_full_path(),
        viewer_roles(request.user),
    )
    return hashlib.sha256(repr(drawn_from).encode()).hexdigest()


def render_kept(request, template_name, context, *, parts):
    """The page drawn from `context`, or the same page kept from an earlier view. `parts`: every
    value besides the reader the page is drawn from (repr-stable), or None to draw it afresh.
    `context` may be a function that returns it: then it is only built when the page is drawn."""
    draw_context = context if callable(context) else lambda: context
    if parts is None or len(get_messages(request)):
        return render(request, template_name, draw_context())
    key = page_key(request, template_name, parts)
    html = _kept.get(key)
    if html is None:
        html = render_to_string(template_name, {**draw_context(), "csrf_token": CSRF_PLACEHOLDER}, request)
        _kept.put(key, html)
    return HttpResponse(with_readers_token(html, request))


def forget_all():
    """Tests start from nothing (a kept page never needs forgetting otherwise: see above)."""
    _kept.forget_all()
