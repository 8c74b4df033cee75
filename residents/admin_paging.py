"""Cheap counts and year filters for the staff admin's long lists (100,000+ rows at Guro scale).

A full ``COUNT(*)`` of a large table, or the ``SELECT DISTINCT`` a date hierarchy sends, costs a
scan per page. These replace them with a planner estimate (unfiltered lists), a count capped at
``COUNT_CAP`` rows (filtered lists) and a year filter whose choices come from two index lookups.
"""

import datetime
import hashlib
import html
import time

from django.conf import settings
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_list import (
    _boolean_icon,
    _coerce_field_name,
    result_list,
)
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import display_for_field, display_for_value, lookup_field, quote
from django.contrib.admin.views.main import SEARCH_VAR, ChangeList
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db import connections, models
from django.db.models import DateTimeField, Max, Min
from django.middleware.csrf import get_token
from django.template.loader import render_to_string, select_template
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch
from django.utils import formats, timezone
from django.utils.choices import CallableChoiceIterator
from django.utils.dateformat import format as date_format
from django.utils.dateformat import time_format
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from residents.admin_drawing import draw_table

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

    def get_changelist(self, request, **kwargs):
        return LeanChangeList

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        paginator = super().get_paginator(request, queryset, per_page, orphans, allow_empty_first_page)
        if isinstance(paginator, CheapCountPaginator) and request.GET.get(SEARCH_VAR, "").strip():
            paginator.search_cap = SEARCH_COUNT_CAP
        return paginator

    def changelist_view(self, request, extra_context=None):
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
            context["lean_header_key"] = header_cache_key(request)
            response.template_name = "admin/lean_change_list.html"
        return response


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
        """The page's rows with only the columns the list draws (the model admin's
        ``list_fetch_fields``: its cells, links and each row's name in the checkbox label), not
        every column of every joined table. Only the page is fetched so: actions, exports and
        list_editable forms work on whole records."""
        fields = getattr(self.model_admin, "list_fetch_fields", None)
        if not fields or self.list_editable:
            return super().get_results(request)
        whole = self.queryset
        self.queryset = whole.only(*fields, *([self.to_field] if self.to_field else []))
        try:
            return super().get_results(request)
        finally:
            self.queryset = whole

    def result_table(self):
        if self.formset is not None:  # list_editable: Django's own drawing, with its forms
            return mark_safe(render_to_string("admin/change_list_results.html", result_list(self)))
        return draw_table(self, lean_rows(self))


def lean_rows(cl):
    """Each row's cells as one string, as ``items_for_result`` gives them (for lists without
    list_editable), with each column's field, labels, formats and link worked out once."""
    columns = [_column(cl, index, name) for index, name in enumerate(cl.list_display)]
    linked = _link_columns(cl)
    link = _link_maker(cl) if linked else None
    first_link = min(linked) if linked else None
    rows = []
    for result in cl.result_list:
        cells = []
        for index, (classes, show) in enumerate(columns):
            shown, extra = show(result)
            if index in linked:
                tag = "th" if index == first_link else "td"
                cells.append(f'<{tag} class="{classes}{extra}">{link(result, shown)}</{tag}>')
            else:
                cells.append(f'<td class="{classes}{extra}">{shown}</td>')
        rows.append(SafeString("".join(cells)))  # mark_safe() without its check for a lazy string
    return rows


def _escape(text):
    """``django.utils.html.escape`` for a value that is not a lazy string, without its check for
    one (a few hundred cells a page)."""
    return html.escape(str(text))


def _conditional_escape(text):
    return text.__html__() if hasattr(text, "__html__") else html.escape(str(text))


def _link_columns(cl):
    """The columns that link to the change page, as ``items_for_result`` decides them."""
    if cl.list_display_links is None:
        return set()
    if not cl.list_display_links:
        return {0} if cl.list_display else set()
    return {index for index, name in enumerate(cl.list_display) if name in cl.list_display_links}


def _link_maker(cl):
    """The change page's link, reversed once with a stand-in key (the admin quotes keys)."""
    marker = "9876543210"
    try:
        template = add_preserved_filters(
            {"preserved_filters": cl.preserved_filters, "opts": cl.opts}, cl.url_for_result(_StandIn(marker))
        )
    except NoReverseMatch:
        return lambda result, shown: shown
    before, _, after = template.partition(marker)
    before, after = escape(before), escape(after)
    attribute = str(cl.to_field) if cl.to_field else cl.lookup_opts.pk.attname
    pk_attname = cl.pk_attname

    def link(result, shown):
        popup = ""
        if cl.is_popup:
            popup = format_html(' data-popup-opener="{}"', result.serializable_value(attribute))
        return f'<a href="{before}{_escape(quote(getattr(result, pk_attname)))}{after}"{popup}>{shown}</a>'

    return link


class _StandIn:
    """Answers the marker for whatever key attribute ``url_for_result`` asks."""

    def __init__(self, marker):
        self._marker = marker

    def __getattr__(self, name):
        return self._marker


def _column(cl, index, name):
    """(the cell's classes, a function giving (html, extra classes) for one row)."""
    model_admin = cl.model_admin
    empty = conditional_escape(model_admin.get_empty_value_display())
    classes = f"field-{_coerce_field_name(name, index)}"
    if name == "action_checkbox":
        if type(model_admin).action_checkbox is not LightListMixin.action_checkbox:
            return "action-checkbox", lambda result: (model_admin.action_checkbox(result), "")
        # LightListMixin.action_checkbox with its label's translation looked up once a page.
        label = gettext("Select this object for an action - {}")
        field_name = helpers.ACTION_CHECKBOX_NAME

        def checkbox(result):
            return (
                f'<input type="checkbox" name="{field_name}" value="{_escape(result.pk)}" class="action-select" '
                f'aria-label="{_escape(label.replace("{}", str(result)))}">'
            ), ""

        return "action-checkbox", checkbox
    try:
        field = cl.lookup_opts.get_field(name)
    except FieldDoesNotExist:
        field = None
    if field is None or field.auto_created or not field.concrete:
        return classes, _generic_cell(cl, name)
    nowrap = " nowrap" if isinstance(field, models.DateField | models.TimeField | models.ForeignKey) else ""
    attname = field.attname
    if isinstance(field.remote_field, models.ManyToOneRel):
        field_name = field.name

        # The same related record (a dong, an employer, a program) on several rows of one page
        # is drawn once: one query fetched them all, so the same key shows the same record.
        drawn = {}

        def related(result):
            key = getattr(result, attname)
            if key is None:
                return empty, nowrap
            shown = drawn.get(key)
            if shown is None:
                shown = drawn[key] = _conditional_escape(str(getattr(result, field_name)))
            return shown, nowrap

        return classes, related
    if getattr(field, "flatchoices", None):
        labels = _choice_labels(field)
        return classes, lambda result: (labels.get(getattr(result, attname), empty), nowrap)
    if isinstance(field, models.BooleanField):
        icons = {value: _boolean_icon(value) for value in (True, False, None)}
        return classes, lambda result: (icons[getattr(result, attname)], nowrap)
    if isinstance(field, models.DateTimeField | models.DateField | models.TimeField):
        kind = "DATETIME_FORMAT" if isinstance(field, models.DateTimeField) else (
            "TIME_FORMAT" if isinstance(field, models.TimeField) else "DATE_FORMAT")  # fmt: skip
        draw = _kept_date_drawer(get_format(kind), kind == "TIME_FORMAT")
        # timezone.template_localtime() with the current time zone looked up once a page
        aware = isinstance(field, models.DateTimeField) and settings.USE_TZ
        zone = timezone.get_current_timezone()

        def moment(result):
            value = getattr(result, attname)
            if value in field.empty_values:
                return empty, nowrap
            if aware and value.utcoffset() is not None and getattr(value, "convert_to_local_time", True):
                value = value.astimezone(zone)
            return _escape(draw(value)), nowrap

        return classes, moment
    if isinstance(field, models.IntegerField | models.FloatField) and not isinstance(
        field, models.DecimalField
    ):

        def number(result):
            value = getattr(result, attname)
            return (empty if value in field.empty_values else _escape(formats.number_format(value))), nowrap

        return classes, number
    if isinstance(field, models.CharField | models.TextField | models.EmailField) and not isinstance(
        field, models.URLField
    ):

        def text(result):
            value = getattr(result, attname)
            if value is None or (isinstance(value, str) and value.strip() == ""):
                return empty, nowrap
            return _conditional_escape(value), nowrap

        return classes, text
    return classes, _generic_cell(cl, name, field=field)


# Each choice field's labels, escaped, and each date format's drawer, per language: the same on every
# page (the translations are read once), yet worked out for every column of every page.
_kept_labels = {}
_kept_drawers = {}


def _choice_labels(field):
    if isinstance(field.choices, CallableChoiceIterator):  # choices read anew each time: not kept
        return {value: conditional_escape(str(label)) for value, label in field.flatchoices}
    key = (field.model._meta.label, field.name, get_language())
    labels = _kept_labels.get(key)
    if labels is None:
        labels = _kept_labels[key] = {
            value: conditional_escape(str(label)) for value, label in field.flatchoices
        }
    return labels


def _kept_date_drawer(pattern, time_only):
    key = (pattern, time_only, get_language())
    draw = _kept_drawers.get(key)
    if draw is None:
        draw = _kept_drawers[key] = _date_drawer(pattern, time_only=time_only)
    return draw


# Format characters (Django's date format) drawn directly, as fields of one ``str.format`` call
# (argument 0 the value, 1 AM/PM, 2 the 12-hour hour, 3 a.m./p.m., 4 the two-digit year); any other
# falls back to Django's own.
_DATE_PARTS = {
    "Y": "{0.year}",
    "y": "{4:02d}",
    "n": "{0.month}",
    "m": "{0.month:02d}",
    "j": "{0.day}",
    "d": "{0.day:02d}",
    "G": "{0.hour}",
    "H": "{0.hour:02d}",
    "g": "{2}",
    "h": "{2:02d}",
    "i": "{0.minute:02d}",
    "s": "{0.second:02d}",
    "A": "{1}",
    "a": "{3}",
}
_DATE_FORMAT_CHARACTERS = set("aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTUuwWyYzZ")


def _date_drawer(pattern, *, time_only=False):
    """A function drawing a date as ``dateformat.format(value, pattern)`` does: the numeric parts
    and AM/PM by one ``str.format`` (a dozen cells a row, ``DateFormat`` per cell was a page's
    largest cost), anything else through Django."""
    if "\\" in pattern or any(c in _DATE_FORMAT_CHARACTERS and c not in _DATE_PARTS for c in pattern):
        return (
            (lambda value: time_format(value, pattern))
            if time_only
            else (lambda value: date_format(value, pattern))
        )
    template = "".join(_DATE_PARTS.get(c) or c.replace("{", "{{").replace("}", "}}") for c in pattern).format
    two_digit_year = "y" in pattern
    if not any(c in pattern for c in "aAgh"):
        if two_digit_year:
            return lambda value: template(value, None, None, None, value.year % 100)
        return lambda value: template(value, None, None, None, None)
    am, pm = gettext("AM"), gettext("PM")
    small_am, small_pm = gettext("a.m."), gettext("p.m.")

    def draw(value):
        afternoon = value.hour > 11
        return template(
            value,
            pm if afternoon else am,
            value.hour % 12 or 12,
            small_pm if afternoon else small_am,
            value.year % 100 if two_digit_year else None,
        )

    return draw


def _generic_cell(cl, name, field=None):
    """Django's own way, per cell, for anything the fast columns above do not cover."""
    model_admin = cl.model_admin

    def cell(result):
        empty = model_admin.get_empty_value_display()
        try:
            f, attr, value = lookup_field(name, result, model_admin)
        except ObjectDoesNotExist:
            return conditional_escape(empty), ""
        empty = getattr(attr, "empty_value_display", empty)
        if isinstance(value, str) and value.strip() == "":
            value = ""
        if f is None or f.auto_created:
            boolean = getattr(attr, "boolean", False)
            if isinstance(attr, property) and hasattr(attr, "fget"):
                boolean = getattr(attr.fget, "boolean", False)
            shown = display_for_value(value, empty, boolean)
            nowrap = " nowrap" if isinstance(value, datetime.date | datetime.time) else ""
            return conditional_escape(shown), nowrap
        shown = display_for_field(value, f, empty, avoid_link=False)
        nowrap = " nowrap" if isinstance(f, models.DateField | models.TimeField | models.ForeignKey) else ""
        return conditional_escape(shown), nowrap

    return cell


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
