"""The vacancy search's result rows, drawn in Python.

Through the template engine the twenty rows cost more than the rest of the page (a variable lookup,
an autoescape and a localisation per value, a URL reversal and two date formats per row, a gettext
call per {% translate %}). `rows_html` writes exactly what the row loop of
templates/employers/includes/vacancy_results.html wrote (tests/search/test_result_rows.py compares
them byte for byte), resolving each label once per page and each choice label once per language.

Each row ends with a slot (`ROW_SLOT`, the vacancy's id and nothing else) where the visitor's own
part of the row goes per request: the shared page cache keeps the rows with their slots, and the
page fills them (alerts' `with_saved_vacancy_buttons` puts in a resident's 관심 공고 button).
"""

import re

from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import date as date_filter
from django.urls import get_script_prefix, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from employers.models import Employer, Vacancy
from references.choices import EmploymentType, SeoulDistrict, WageUnit

# A NUL never reaches a row from a vacancy's text (form fields refuse it, XML cannot carry it), and
# only digits are read back, so no title can forge a slot.
ROW_SLOT = "\x00vacancy-row:{}\x00"
ROW_SLOT_PATTERN = re.compile("\x00vacancy-row:([0-9]+)\x00")

CHOICES = {
    "employer_kind": Employer.Kind,
    "employment_type": EmploymentType,
    "wage_unit": WageUnit,
    "district": SeoulDistrict,
    "source": Vacancy.Source,
}
_labels = {}


def choice_label(value, kind):
    """The label of `value` among the `kind` choices in the current language (the value if none)."""
    key = (kind, get_language())
    labels = _labels.get(key)
    if labels is None:
        labels = _labels[key] = {code: str(label) for code, label in CHOICES[kind].choices}
    return labels.get(value, value)


_STAND_IN_PK = 907_153_208_641
_detail_urls = {}


def _detail_url(pk):
    key = (get_script_prefix(), get_language())
    parts = _detail_urls.get(key)
    if parts is None:
        url = reverse("vacancies:detail", args=[_STAND_IN_PK])
        parts = _detail_urls[key] = tuple(url.split(str(_STAND_IN_PK), 1))
    return f"{parts[0]}{pk}{parts[1]}"


def _text(value):
    """A value as `{{ value }}` draws it (dates and numbers aside: none of the row's are bare)."""
    return conditional_escape(value if isinstance(value, str) else str(value))


DAY_FORMAT = "Y년 n월 j일"


def rows_html(vacancies):
    """The rows' HTML, as the template's `{% for vacancy in vacancies %}` loop drew it."""
    badge = (
        '<span class="krds-badge source-badge source-national">'
        f"{conditional_escape(gettext('고용24'))}</span> "
    )
    posted, closes = conditional_escape(gettext("게시")), conditional_escape(gettext("마감"))
    days = {}

    def day(value):
        if value not in days:
            days[value] = conditional_escape(date_filter(value, DAY_FORMAT))
        return days[value]

    rows = []
    for vacancy in vacancies:
        employer = vacancy.employer
        if vacancy.dong:
            place = _text(vacancy.dong)
        elif vacancy.district:
            place = _text(choice_label(vacancy.district, "district"))
        else:
            place = _text(vacancy.work_place)
        closing = f" · {closes} {day(vacancy.closes_on)}" if vacancy.closes_on else ""
        rows.append(
            "\n      <li>\n        <h3>"
            f"{badge if vacancy.source == 'national' else ''}"
            f'<a href="{_detail_url(vacancy.pk)}">{_text(vacancy.title)}</a></h3>\n'
            f'        <p class="meta">{_text(employer.name)} ({_text(choice_label(employer.kind, "employer_kind"))})'
            f" · {_text(vacancy.occupation)}"
            f" · {_text(choice_label(vacancy.employment_type, 'employment_type'))}</p>\n"
            f'        <p class="meta">{_text(choice_label(vacancy.wage_unit, "wage_unit"))}'
            f" {_text(intcomma(vacancy.wage_amount))}원 · {place}"
            f" · {posted} {day(vacancy.posted_on)}{closing}</p>\n"
            f"        {ROW_SLOT.format(int(vacancy.pk))}\n"
            "      </li>\n      "
        )
    return mark_safe("".join(rows))
