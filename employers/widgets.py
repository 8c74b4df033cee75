"""A <select> for the vacancy search form that is cheap to draw on every request.

Django draws a Select through one template per <option>, and resolves each lazy label (a gettext
call) on every render: the search form's ~300 options (the KECO tree, dongs, districts …) cost
more than the search itself. This widget resolves its options once per language, for `ttl`
seconds when they come from the database, and writes the HTML in Python."""

import time

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

_options_cache = {}


class FastSelect(forms.Select):
    def __init__(self, *, cache_key, ttl=None, attrs=None, choices=()):
        super().__init__(attrs=attrs, choices=choices)
        self.cache_key = cache_key
        self.ttl = ttl

    def options_html(self):
        """[(value, '<option …>label</option>')] for the current language."""
        key = (self.cache_key, get_language())
        cached = _options_cache.get(key)
        if cached is None or (cached[0] is not None and cached[0] < time.monotonic()):
            options = [(str(value), escape(str(value)), escape(str(label))) for value, label in self.choices]
            expires = time.monotonic() + self.ttl if self.ttl else None
            cached = _options_cache[key] = (expires, options)
        return cached[1]

    def render(self, name, value, attrs=None, renderer=None):
        if isinstance(value, list | tuple):
            value = value[0] if value else ""
        chosen = "" if value is None else str(value)
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        parts = [f"<select{flatatt(final)}>"]
        for raw, value_html, label_html in self.options_html():
            selected = " selected" if raw == chosen else ""
            parts.append(f'<option value="{value_html}"{selected}>{label_html}</option>')
        parts.append("</select>")
        return mark_safe("".join(parts))


def forget_cached_options():
    """Drop every cached option list and form (tests, and after loading a new classification)."""
    _options_cache.clear()
    _form_html_cache.clear()


_form_html_cache = {}
FORM_HTML_ENTRIES = 256


def cached_form_html(key, ttl, render):
    """The search form's HTML for one (language, query string), kept `ttl` seconds per worker:
    the same search drawn again costs nothing. Only valid forms are cached (errors are per input)."""
    key = (get_language(), key)
    cached = _form_html_cache.get(key)
    if cached is not None and cached[0] >= time.monotonic():
        return cached[1]
    html = render()
    if len(_form_html_cache) >= FORM_HTML_ENTRIES:
        _form_html_cache.pop(next(iter(_form_html_cache)))
    _form_html_cache[key] = (time.monotonic() + ttl, html)
    return html
