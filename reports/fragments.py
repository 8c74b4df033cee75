"""The dashboard's figures as kept page fragments (guro_jobs/page_cache.py): the tables and the
chart data of one stored snapshot in one language. They depend only on the snapshot and the
reader's language (aggregates, nothing about a person), so they are drawn once per stored
snapshot and language, keyed by the snapshot's id and computation time: every recompute writes a
new time, so kept figures never outlive theirs.

The recompute tasks draw and keep them for every language right after a snapshot is stored
(`keep_drawn`), so the first visitor after a recompute gets a warm page; the page draws them
itself only when nothing is kept (the cache was emptied, or it was off)."""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.html import json_script

from guro_jobs import page_cache
from reports import presenters, selectors
from reports.forecast import FORECAST_METHOD

logger = logging.getLogger(__name__)

DASHBOARD_FRAGMENTS = "dashboard"


def fragment_key(snapshot):
    """The key of the snapshot's figures in the reader's (the active) language, or None. The URL
    prefix is part of it: the drill-down links drawn by a worker (no request) start with "/", and
    a site served under a prefix then draws its own."""
    return page_cache.fragment_key(
        DASHBOARD_FRAGMENTS,
        snapshot.pk,
        snapshot.year,
        snapshot.computed_at.isoformat(),
        get_script_prefix(),
        determined_by_parts=True,
    )


def no_snapshot_key(year):
    """A key for the page of a year with no snapshot yet, carrying the page cache's version (so
    forget_all and PAGE_CACHE_SECONDS=0 reach that page too), or None while nothing may be kept."""
    return page_cache.fragment_key(DASHBOARD_FRAGMENTS, "no snapshot", year, determined_by_parts=True)


def draw(snapshot):
    """The snapshot's figures drawn in the active language: {"figures_html", "chart_json"}."""
    data = snapshot.data  # deferred by dashboard_header: read only when it is drawn
    context = {
        "year": snapshot.year,
        "snapshot": snapshot,
        "definition": selectors.ACTUAL_DEFINITION,
        "forecast_method": FORECAST_METHOD,
        "data": presenters.with_links(data),
        "charts": True,
    }
    return {
        "figures_html": render_to_string("reports/_figures.html", context),
        "chart_json": json_script(presenters.chart_data(data), "dashboard-chart-data"),
    }


def figures(snapshot, key=None):
    """The kept figures of the snapshot in the active language, drawn and kept if none are.
    `key`: fragment_key(snapshot) if the caller has it already (it costs a round trip to Redis)."""
    key = key or fragment_key(snapshot)
    fragments = page_cache.read(key)
    if fragments is None:
        fragments = draw(snapshot)
        page_cache.keep(key, fragments)
    return fragments


def keep_drawn(snapshots):
    """Draw and keep the figures of each stored snapshot in every language (after a recompute).
    Nothing to do while the page cache is off or unreachable. A failure here never undoes the
    recompute: the page draws the figures itself then."""
    if not page_cache.enabled():
        return 0
    kept = 0
    for snapshot in snapshots:
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                key = fragment_key(snapshot)
                if key is None:
                    return kept
                try:
                    page_cache.keep(key, draw(snapshot))
                except Exception:  # noqa: BLE001 - the stored snapshot stands; the page draws it
                    logger.exception("dashboard figures of %s could not be drawn ahead", snapshot.year)
                    continue
                kept += 1
    return kept
