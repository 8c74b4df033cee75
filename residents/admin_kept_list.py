"""A staff list page kept as drawn around its rows: the next view of the same page by the same
browser fetches and draws only the rows, not the admin's whole list machinery and templates again.

Everything a list page shows besides its rows is drawn from
- the page's address: its filters, search, sort order and page number;
- the reader: the names greeted, the roles and permissions that pick the links, the language, the
  browser's CSRF secret (``header_cache_key``, the sidebar's ``nav_sidebar_key``);
- how many rows the list found: the search box's and the page links' counts, "select all N", how
  many rows the page has (``result_count``);
- what the filters offer (dongs, years): kept a while already (the setting below is no longer).
A page is kept by all of these but the count, for ADMIN_LIST_KEPT_SECONDS, and used again only when the
list, counted afresh, finds as many rows as when it was drawn and the page holds as many rows: any
other count draws the whole page again. Each view still checks the reader's permission, counts
and fetches the rows, draws them, writes the access log (PIPA) and gets its own CSRF token.

Never kept: a POST (actions), a popup, a pick by ``to_field``, facets, "show all", a list that edits
rows in place or has a date hierarchy, a page with messages to show, a page that asked for a CSP
nonce, and everything while ADMIN_LIST_KEPT_SECONDS is 0 (so with PAGE_CACHE_SECONDS=0).
tests/staffops/test_admin_kept_list.py holds a kept page to the page drawn afresh.
"""

import hashlib
import secrets
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.admin.views.main import ALL_VAR, ERROR_FLAG, IS_FACETS_VAR, IS_POPUP_VAR, TO_FIELD_VAR
from django.contrib.messages import get_messages
from django.core.paginator import InvalidPage
from django.http import HttpResponse
from django.urls import get_script_prefix
from django.utils import timezone

from guro_jobs.drawn_pages import KeptDrawings, tokens_as_placeholder, with_readers_token
from residents.admin_drawing import draw_rows

# Where the rows stand in a page being kept (random per process: no page text contains it).
ROWS_MARK = f"<!--kept-list-rows-{secrets.token_hex(16)}-->"
# ~90 kB a page: a few hundred pages a worker.
ENTRIES = 256
UNKEPT_PARAMETERS = frozenset({ALL_VAR, ERROR_FLAG, IS_FACETS_VAR, IS_POPUP_VAR, TO_FIELD_VAR})

_frames = KeptDrawings(ENTRIES)


@dataclass(frozen=True)
class ListFrame:
    """A list page cut around its rows, and what it takes to fetch and draw them again."""

    before: str
    after: str
    queryset: Any  # the list's rows as a page fetches them, before the page is cut
    per_page: int
    page_num: int
    result_count: int
    row_count: int
    draw_rows: Any  # LeanChangeList.draw_rows of the list that drew the page
    expires: float


@dataclass(frozen=True)
class DrawnRows:
    """What a page drawn from a frame shows, for those who read the response's ``context_data``
    as Django's list page gives it (the access log: audit.admin_mixins)."""

    result_list: list
    result_count: int


def frame_key(model_admin, request, header_key):
    """The key of this view's page among kept frames, or None when it is never kept.
    ``header_key``: residents.admin_paging.header_cache_key of the request."""
    if request.method != "GET" or not UNKEPT_PARAMETERS.isdisjoint(request.GET.keys()):
        return None
    if model_admin.list_editable or model_admin.date_hierarchy or settings.ADMIN_LIST_KEPT_SECONDS <= 0:
        return None
    sidebar_key = getattr(model_admin.admin_site, "nav_sidebar_key", None)
    if sidebar_key is None or header_key is None or len(get_messages(request)):
        return None
    drawn_from = (
        model_admin.opts.label,
        header_key,
        sidebar_key(request),
        get_script_prefix(),
        timezone.localdate().isoformat(),
    )
    return hashlib.sha256(repr(drawn_from).encode()).hexdigest()


def page_from_frame(model_admin, request, key):
    """The page drawn from its kept frame with freshly fetched rows, or None (draw it whole)."""
    frame = _frames.get(key)
    if frame is None or frame.expires < time.monotonic():
        return None
    if not model_admin.has_view_or_change_permission(request):
        return None  # Django's own view answers (403)
    paginator = model_admin.get_paginator(request, frame.queryset, frame.per_page)
    if paginator.count != frame.result_count:
        _frames.pop(key)
        return None
    try:
        rows = list(paginator.page(frame.page_num).object_list)
    except InvalidPage:
        return None
    if len(rows) != frame.row_count:
        _frames.pop(key)
        return None
    html = "".join((frame.before, draw_rows(frame.draw_rows(rows)), frame.after))
    response = HttpResponse(with_readers_token(html, request))
    response.context_data = {"cl": DrawnRows(result_list=rows, result_count=frame.result_count)}
    return response


def mark_rows(changelist):
    """Draw ``changelist``'s page with its rows marked, for ``keep_frame`` to cut."""
    changelist.rows_mark = ROWS_MARK


def keep_frame(key, changelist, request, response):
    """Keep the rendered ``response`` of ``changelist`` cut around its rows, and take the marks
    out of what this view sends. Not kept when the page asked for a CSP nonce (a kept page would
    carry a stale one)."""
    html = response.content.decode(response.charset)
    pieces = html.split(ROWS_MARK)
    if len(pieces) == 3:
        response.content = "".join(pieces)
    if len(pieces) != 3 or getattr(request, "_csp_nonce", None) is not None:
        return
    before, _rows, after = (tokens_as_placeholder(piece) for piece in pieces)
    _frames.put(
        key,
        ListFrame(
            before=before,
            after=after,
            queryset=changelist.page_queryset(),
            per_page=changelist.list_per_page,
            page_num=changelist.page_num,
            result_count=changelist.result_count,
            row_count=len(changelist.result_list),
            draw_rows=changelist.draw_rows,
            expires=time.monotonic() + settings.ADMIN_LIST_KEPT_SECONDS,
        ),
    )


def forget_all():
    """Tests start from nothing."""
    _frames.forget_all()
