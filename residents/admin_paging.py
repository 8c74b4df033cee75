"""Cheap counts and year filters for the staff admin's long lists (100,000+ rows at Guro scale).

A full ``COUNT(*)`` of a large table, or the ``SELECT DISTINCT`` a date hierarchy sends, costs a
scan per page. These replace them with a planner estimate (unfiltered lists), a count capped at
``COUNT_CAP`` rows (filtered lists) and a year filter whose choices come from two index lookups.
"""

import datetime
import time

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_list import (
    result_list,
)
from django.contrib.admin.views.main import SEARCH_VAR, ChangeList
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import DateTimeField, Max, Min
from django.template.loader import render_to_string, select_template
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from residents.admin_cells import row_drawer
from residents.admin_drawing import capped_count_text, draw_table
from residents.admin_kept_list import frame_key, header_cache_key, keep_frame, mark_rows, page_from_frame

COUNT_CAP = 10_000
# A text search is counted up to this many matches: a one-letter search (김) cannot use the trigram
# index, and counting 10,000 of its ~50,000 matches scanned the table on every page. Past it the page
# links stop and the list asks for a more specific search (staff look for a person, not a tally).
SEARCH_COUNT_CAP = 1_000


class LightListMixin:
    """A staff list drawn cheaply: the row checkbox as one ``format_html`` instead of a form widget
    rendered through the template engine, and the rows by ``LeanChangeList`` (each column's way of
    showing a value worked out once per page, not once per cell). Same markup as Django's."""

    def action_checkbox(self, obj):
        label = format_html(gettext("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            label,
        )

    action_checkbox.drawn_by_lean_rows = True  # the same markup, drawn a page at a time there

    def get_changelist(self, request, **kwargs):
        return LeanChangeList

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        paginator = super().get_paginator(request, queryset, per_page, orphans, allow_empty_first_page)
        if isinstance(paginator, CheapCountPaginator) and request.GET.get(SEARCH_VAR, "").strip():
            paginator.search_cap = SEARCH_COUNT_CAP
        return paginator

    def changelist_view(self, request, extra_context=None):
        header_key = header_cache_key(request)
        kept_key = frame_key(self, request, header_key)
        if kept_key is not None:
            page = page_from_frame(self, request, kept_key)
            if page is not None:
                return page
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None)
        if (
            isinstance(response, TemplateResponse)
            and context
            and "cl" in context
            and not response.is_rendered
        ):
            names = response.template_name
            context["lean_base_template"] = select_template([names] if isinstance(names, str) else names)
            context["lean_header_key"] = header_key
            cl = context["cl"]
            if kept_key is not None:
                mark_rows(cl)
                response.add_post_render_callback(
                    lambda rendered: keep_frame(kept_key, cl, request, rendered)
                )
            if getattr(cl.paginator, "search_capped", False):
                # Django counts "all N selected" from the count, which stopped at the cap.
                context["selection_note_all"] = ngettext(
                    "%(total_count)s selected", "All %(total_count)s selected", cl.result_count
                ) % {"total_count": capped_count_text(cl.paginator)}
            response.template_name = "admin/lean_change_list.html"
        return response


class LeanChangeList(ChangeList):
    """Draws its result table in Python (``result_table``) with Django's own headers and markup."""

    def __init__(self, request, *args, **kwargs):
        self.user_pk = request.user.pk
        super().__init__(request, *args, **kwargs)

    def filters_cache_key(self):
        """The filter sidebar's key in the cache: the same for the same user, list, filters and
        language (the page number does not change it). None when it shows counts (facets)."""
        if self.add_facets:
            return None
        return f"{self.opts.label}:{self.user_pk}:{get_language()}:{self.get_query_string()}"

    def get_results(self, request):
        self._get_lean_results(request)
        if getattr(self.paginator, "search_capped", False):
            # The count stopped at the cap: the search box does not show it as the number found
            # (its line shows only where the two counts differ); the page links say "N건 이상".
            self.full_result_count = self.result_count

    def _get_lean_results(self, request):
        """The page's rows with only the columns the list draws (the model admin's
        ``list_fetch_fields``: its cells, links and each row's name in the checkbox label), not
        every column of every joined table. Only the page is fetched so: actions, exports and
        list_editable forms work on whole records."""
        whole = self.queryset
        self.queryset = self.page_queryset()
        try:
            return super().get_results(request)
        finally:
            self.queryset = whole

    def page_queryset(self):
        """The list's rows as a page fetches them: only the columns it draws, unless it has none
        named or edits rows in place."""
        fields = getattr(self.model_admin, "list_fetch_fields", None)
        if not fields or self.list_editable:
            return self.queryset
        return self.queryset.only(*fields, *([self.to_field] if self.to_field else []))

    # Set by residents.admin_kept_list when the page will be kept around its rows.
    rows_mark = None

    @cached_property
    def draw_rows(self):
        """The function drawing this list's rows (kept with a kept page, for its later views)."""
        return row_drawer(self)

    def result_table(self):
        if self.formset is not None:  # list_editable: Django's own drawing, with its forms
            return mark_safe(render_to_string("admin/change_list_results.html", result_list(self)))
        return draw_table(self, self.draw_rows(self.result_list), self.rows_mark)


class CheapCountPaginator(Paginator):
    """An unfiltered list is counted with PostgreSQL's row estimate when the table is large;
    a filtered one is counted exactly up to ``COUNT_CAP`` rows (pages beyond are not offered), and
    a text search up to ``search_cap`` rows when the list sets it (``SEARCH_COUNT_CAP``)."""

    search_cap = None

    @property
    def search_capped(self):
        """Whether a text search found more matches than it counts (the list says so)."""
        return self.search_cap is not None and self.count > self.search_cap

    @cached_property
    def count(self):
        queryset = self.object_list
        query = getattr(queryset, "query", None)
        if query is None:
            return super().count
        if not query.where:
            estimate = _estimated_rows(queryset)
            if estimate is not None and estimate > COUNT_CAP:
                return estimate
        if not query.where:
            return queryset.count()
        # Counted without the list's order (it changes which rows, not how many): sorting every
        # match of a broad search before stopping at the cap cost several times the scan.
        cap = COUNT_CAP if self.search_cap is None else min(self.search_cap, COUNT_CAP)
        return queryset.order_by()[: cap + 1].count()


# A large table's planner estimate, kept by each worker for ESTIMATE_SECONDS: PostgreSQL itself
# refreshes it only when it analyses the table, so reading it on every page was a round trip for
# nothing. Small tables (at most COUNT_CAP rows, counted exactly) are never kept.
ESTIMATE_SECONDS = 60
_estimates = {}


def _estimated_rows(queryset):
    key = (queryset.db, queryset.model._meta.db_table)
    kept = _estimates.get(key)
    if kept is not None and kept[0] > time.monotonic():
        return kept[1]
    rows = _planner_rows(queryset)
    if rows is not None and rows > COUNT_CAP:
        _estimates[key] = (time.monotonic() + ESTIMATE_SECONDS, rows)
    else:
        _estimates.pop(key, None)
    return rows


def _planner_rows(queryset):
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [queryset.model._meta.db_table]
        )
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] and row[0] > 0 else None


# A filter's choices (reference tables: dongs, priority groups) and a year filter's bounds, kept
# by each worker for CHOICES_SECONDS: they are drawn only into the filter sidebar, itself kept
# five minutes, yet were read from the database on every page (a round trip each).
CHOICES_SECONDS = 30
_kept_choices = {}


def kept_choices(key, read):
    kept = _kept_choices.get(key)
    if kept is not None and kept[0] > time.monotonic():
        return kept[1]
    value = read()
    _kept_choices[key] = (time.monotonic() + CHOICES_SECONDS, value)
    return value


def forget_kept_choices():
    _kept_choices.clear()


class KeptChoicesFilter(admin.RelatedFieldListFilter):
    """Django's filter by a related record (a dong, a priority group), its choices kept a while."""

    def field_choices(self, field, request, model_admin):
        key = ("related", field.model._meta.label, field.name, get_language())
        return kept_choices(
            key, lambda: super(KeptChoicesFilter, self).field_choices(field, request, model_admin)
        )


class YearListFilter(admin.SimpleListFilter):
    """Filter by year of ``field_name``: the choices are the years between the first and the last
    row (two index lookups), and a choice filters by a date range the index serves."""

    title = _("연도")
    parameter_name = "year"
    field_name = None

    def lookups(self, request, model_admin):
        bounds = kept_choices(
            ("years", model_admin.model._meta.label, self.field_name),
            lambda: model_admin.model._default_manager.aggregate(
                first=Min(self.field_name), last=Max(self.field_name)
            ),
        )
        if bounds["first"] is None:
            return []
        first, last = (self._local(bounds[key]).year for key in ("first", "last"))
        return [(str(year), _("%(year)s년") % {"year": year}) for year in range(last, first - 1, -1)]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            year = int(self.value())
            start, end = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
        except (TypeError, ValueError, OverflowError):
            return queryset.none()
        if self._is_datetime(queryset.model):
            zone = timezone.get_current_timezone()
            start = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
            end = datetime.datetime.combine(end, datetime.time.min, tzinfo=zone)
        return queryset.filter(**{f"{self.field_name}__gte": start, f"{self.field_name}__lt": end})

    def _is_datetime(self, model):
        return isinstance(model._meta.get_field(self.field_name), DateTimeField)

    @staticmethod
    def _local(value):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.localtime(value)
        return value


def year_filter(field_name, title=None):
    """A ``YearListFilter`` subclass for ``field_name`` (e.g. ``year_filter("started_on")``)."""
    attributes = {"field_name": field_name, "parameter_name": f"{field_name}_year"}
    if title is not None:
        attributes["title"] = title
    return type(f"{field_name.title().replace('_', '')}YearFilter", (YearListFilter,), attributes)
