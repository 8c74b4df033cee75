"""A staff list's cells drawn in Python, as ``items_for_result`` draws them, with each column's
field, labels, date format and link worked out once a page (``row_drawer``), not once a cell.
Used by ``residents.admin_paging.LeanChangeList`` for lists without list_editable."""

import datetime
import html

from django.conf import settings
from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_list import (
    _boolean_icon,
    _coerce_field_name,
)
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import display_for_field, display_for_value, lookup_field, quote
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.urls import NoReverseMatch
from django.utils import formats, timezone
from django.utils.choices import CallableChoiceIterator
from django.utils.dateformat import format as date_format
from django.utils.dateformat import time_format
from django.utils.formats import get_format
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext


def row_drawer(cl):
    """A function drawing rows of ``cl``'s list (model instances), each row's cells as one string,
    as ``items_for_result`` gives them (for lists without list_editable), with each column's
    field, labels, formats and link worked out once, now. It draws the same list's rows again on
    later views (residents.admin_kept_list), each call its own rows' related records afresh."""
    page_memos = []
    columns = [_column(cl, index, name, page_memos) for index, name in enumerate(cl.list_display)]
    linked = _link_columns(cl)
    link = _link_maker(cl) if linked else None
    first_link = min(linked) if linked else None

    def draw(results):
        for memo in page_memos:
            memo.clear()
        rows = []
        for result in results:
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

    return draw


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


def _column(cl, index, name, page_memos):
    """(the cell's classes, a function giving (html, extra classes) for one row); a column that
    keeps something per page adds its dict to ``page_memos`` (emptied before each page)."""
    model_admin = cl.model_admin
    empty = conditional_escape(model_admin.get_empty_value_display())
    classes = f"field-{_coerce_field_name(name, index)}"
    if name == "action_checkbox":
        if not getattr(type(model_admin).action_checkbox, "drawn_by_lean_rows", False):
            return "action-checkbox", lambda result: (model_admin.action_checkbox(result), "")
        # residents.admin_paging.LightListMixin.action_checkbox, its label's translation looked up once a page.
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
        page_memos.append(drawn)

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
