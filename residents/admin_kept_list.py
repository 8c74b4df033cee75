"""A staff list page kept as drawn around its rows: the next view of the same page by the same
browser fetches and draws only the rows, not the admin's whole list machinery and templates again.

Everything a list page shows besides its rows is drawn from
- the page's address: its filters, search, sort order and page number;
- the reader: the names greeted, the roles and permissions that pick the links, the language, the
  browser's CSRF secret (``header_cache_key``, the sidebar's ``nav_sidebar_key``);
- how many rows the list found: the search box's and the page links' counts, "select all N", how
  many rows the page has (``result_count``);
- what the filters offer (dongs, years), which the lists keep a while already.
So a page is kept by all of these but the count, for ADMIN_LIST_KEPT_SECONDS (30), and used again
only while the list, counted afresh, finds as many rows as when it was drawn and the page holds as
many rows; any other count draws the whole page again. Each view still checks the reader's
permission, counts the list (a search past its cap: every ``CAPPED_COUNT_SECONDS``), fetches the
page's rows, writes the access log (PIPA) and gets its own CSRF token.

The rows: a list that names what it reads (``list_fetch_fields``) draws each row from those values
only, so a row fetched with the same values as before is drawn as it was then (``rows_now``).

Never kept: a POST (actions), a popup, a pick by ``to_field``, facets, "show all", a list that edits
rows in place or has a date hierarchy, a page with messages to show, a page that asked for a CSP
nonce, an empty list, and everything while ADMIN_LIST_KEPT_SECONDS is 0 (so with PAGE_CACHE_SECONDS=0).
tests/staffops/test_admin_kept_list.py holds a kept page to the page drawn afresh.
"""

import hashlib
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.admin.views.main import ALL_VAR, ERROR_FLAG, IS_FACETS_VAR, IS_POPUP_VAR, TO_FIELD_VAR
from django.contrib.messages import get_messages
from django.db import connections, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.translation import get_language

from guro_jobs.drawn_pages import KeptDrawings, tokens_as_placeholder, with_readers_token
from residents.admin_drawing import draw_rows

# Where the rows stand in a page being kept (random per process: no page text contains it).
ROWS_MARK = f"<!--kept-list-rows-{secrets.token_hex(16)}-->"
# ~0.3 MB a page as kept (its text, the rows drawn, the list it was drawn by): ~20 MB a worker at most.
ENTRIES = 64
# A search that found more matches than it counts (residents.admin_paging.SEARCH_COUNT_CAP, shown
# as "1,000건 이상") is counted again after this long, not on every view: counting to the cap
# scanned a few thousand rows each time, to find the same "more than 1,000".
CAPPED_COUNT_SECONDS = 10
UNKEPT_PARAMETERS = frozenset({ALL_VAR, ERROR_FLAG, IS_FACETS_VAR, IS_POPUP_VAR, TO_FIELD_VAR})

_frames = KeptDrawings(ENTRIES)


@dataclass(frozen=True)
class ListFrame:
    """A list page cut around its rows, and what it takes to fetch and draw them again."""

    before: str
    after: str
    queryset: Any  # the list's rows as a page fetches them, before the page is cut
    per_page: int
    result_count: int
    row_count: int
    draw_rows: Any  # LeanChangeList.draw_rows of the list that drew the page
    expires: float
    page_sql: tuple  # (sql, params) of the page's rows, as the ORM wrote it for the first view
    page_bounds: tuple  # the page's (first, last) row numbers in the list, as that SQL cuts it
    draws_from_fetched: bool  # the list names what it reads (list_fetch_fields): rows kept by values
    counted_until: float  # a search found to have more matches than it counts is not counted again till then
    drawn_rows: dict = field(default_factory=dict)  # each row as fetched (the columns' values) → as drawn

    def page_rows(self):
        """The page's rows (model instances) as they are now, by the page's own SQL."""
        low, high = self.page_bounds
        return list(self.queryset[low:high])

    def rows_now(self):
        """The page's rows as they are now, drawn; None when the page holds another number of
        rows than when it was kept.

        A row fetched exactly as an earlier view fetched it (the same value in every column the
        page reads) is drawn as it was then: drawing is a function of those values, for the lean
        lists read nothing else (no query per row: tests/staffops/test_admin_list_lean_fetch.py).
        When a row was not seen before, the page is fetched again as model instances and drawn;
        the values and the instances are read in one snapshot (REPEATABLE READ), so each row's
        drawing is kept under the values it was drawn from."""
        if not self.draws_from_fetched:
            return self._drawn_from_instances()
        connection = connections[self.queryset.db]
        with connection.cursor() as cursor:
            cursor.execute(*self.page_sql)
            fetched = cursor.fetchall()
        if len(fetched) != self.row_count:
            return None
        try:
            return [self.drawn_rows[values] for values in fetched]
        except (KeyError, TypeError):  # a row not seen before (TypeError: a value with no hash)
            pass
        if connection.in_atomic_block:  # not a snapshot of our own: draw, keep nothing
            return self._drawn_from_instances()
        with transaction.atomic(using=self.queryset.db), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute(*self.page_sql)
            fetched = cursor.fetchall()
            rows = self.page_rows()
        if len(rows) != self.row_count or len(fetched) != len(rows):
            return None
        drawn = self.draw_rows(rows)
        if all(row.pk == values[0] for row, values in zip(rows, fetched, strict=True)):
            if len(self.drawn_rows) > 4 * self.per_page:
                self.drawn_rows.clear()
            try:
                self.drawn_rows.update(zip(fetched, drawn, strict=True))
            except TypeError:
                pass
        return drawn

    def _drawn_from_instances(self):
        rows = self.page_rows()
        return self.draw_rows(rows) if len(rows) == self.row_count else None


@dataclass(frozen=True)
class DrawnRows:
    """What a page drawn from a frame shows, for those who read the response's ``context_data``
    as Django's list page gives it (the access log: audit.admin_mixins)."""

    result_list: list


def header_cache_key(request):
    """What the admin's header (user links, greeting, language form) shows besides the user's
    permissions and page (the sidebar's key, nav_sidebar_key): the name greeted, the roles that add
    the dashboard link, the full address the language form returns to, the language, and the
    session's CSRF secret its two forms carry (hashed: a kept token is only ever shown to the
    browser holding that secret). None for a visitor not signed in."""
    user = request.user
    if not user.is_authenticated:
        return None
    get_token(request)  # the secret the page's forms carry (made now if the browser has none yet)
    secret = request.META["CSRF_COOKIE"]
    parts = [
        secret,
        request.get_full_path(),
        get_language() or "",
        user.get_username(),
        user.last_name,
        user.first_name,
        str(user.is_active and user.is_staff),
        str(user.has_usable_password()),
        str(bool(getattr(user, "is_district_staff", False) or getattr(user, "is_manager", False))),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def frame_key(model_admin, request, header_key):
    """The key of this view's page among kept frames, or None when it is never kept.
    ``header_key``: ``header_cache_key`` of the request."""
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
    if frame is None:
        return None
    if frame.expires < time.monotonic():
        _frames.pop(key)
        return None
    if not model_admin.has_view_or_change_permission(request):
        return None  # Django's own view answers (403)
    if frame.counted_until < time.monotonic():
        paginator = model_admin.get_paginator(request, frame.queryset, frame.per_page)
        if paginator.count != frame.result_count:
            _frames.pop(key)
            return None
    rows = frame.rows_now()
    if rows is None:
        _frames.pop(key)
        return None
    html = "".join((frame.before, draw_rows(rows), frame.after))
    response = HttpResponse(with_readers_token(html, request))
    response.context_data = {"cl": DrawnRows(result_list=rows)}
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
    drawn = changelist.result_list.query
    # Django fetches a list of one page whole: a kept page cuts it at a page's length.
    low, high = (drawn.low_mark, drawn.high_mark) if drawn.is_sliced else (0, changelist.list_per_page)
    queryset = changelist.page_queryset()
    capped = getattr(changelist.paginator, "search_capped", False)
    _frames.put(
        key,
        ListFrame(
            before=before,
            after=after,
            queryset=queryset,
            per_page=changelist.list_per_page,
            result_count=changelist.result_count,
            row_count=len(changelist.result_list),
            draw_rows=changelist.draw_rows,
            expires=time.monotonic() + settings.ADMIN_LIST_KEPT_SECONDS,
            page_sql=queryset[low:high].query.sql_with_params(),
            page_bounds=(low, high),
            draws_from_fetched=bool(getattr(changelist.model_admin, "list_fetch_fields", None)),
            counted_until=time.monotonic() + CAPPED_COUNT_SECONDS if capped else 0.0,
        ),
    )


def forget_all():
    """Tests start from nothing."""
    _frames.forget_all()
