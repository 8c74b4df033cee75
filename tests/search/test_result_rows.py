"""The search's rows drawn in Python (employers/result_rows.py) and filled with the visitor's
button are byte for byte what the template loop drew before (kept here as the reference), for
local and national vacancies, every kind of place, with and without a closing day, in Korean and
English, for an anonymous visitor and for a resident with and without the vacancy saved."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from alerts.models import SavedVacancy
from employers import result_rows
from employers.models import Vacancy
from employers.selectors import open_vacancies
from tests import factories

pytestmark = pytest.mark.django_db

REFERENCE_LOOP = '{% for vacancy in vacancies %}\n      <li>\n        <h3>{% if vacancy.source == "national" %}<span class="krds-badge source-badge source-national">{% translate "고용24" %}</span> {% endif %}<a href="{% url \'vacancies:detail\' vacancy.pk %}">{{ vacancy.title }}</a></h3>\n        <p class="meta">{{ vacancy.employer.name }} ({{ vacancy.employer.kind|choice_label:"employer_kind" }}) · {{ vacancy.occupation }} · {{ vacancy.employment_type|choice_label:"employment_type" }}</p>\n        <p class="meta">{{ vacancy.wage_unit|choice_label:"wage_unit" }} {{ vacancy.wage_amount|intcomma }}원 · {% if vacancy.dong %}{{ vacancy.dong }}{% elif vacancy.district %}{{ vacancy.district|choice_label:"district" }}{% else %}{{ vacancy.work_place }}{% endif %} · {% translate "게시" %} {{ vacancy.posted_on|date:"Y년 n월 j일" }}{% if vacancy.closes_on %} · {% translate "마감" %} {{ vacancy.closes_on|date:"Y년 n월 j일" }}{% endif %}</p>\n        {% saved_vacancy_button vacancy %}\n      </li>\n      {% endfor %}'

NEW_ROWS = "{% with_saved_vacancy_buttons rows titles %}"


@pytest.fixture
def vacancies():
    today = timezone.localdate()
    factories.VacancyFactory(title='<b>용접 & "야간"</b>', posted_on=today)
    factories.VacancyFactory(
        title="물류 상하차",
        dong=None,
        district="11500",
        source=Vacancy.Source.NATIONAL,
        national_posting_number="K123",
        wage_unit="hourly",
        wage_amount=10_030,
        employment_type="part_time",
        closes_on=today + datetime.timedelta(days=20),
        posted_on=today - datetime.timedelta(days=4),
    )
    factories.VacancyFactory(
        title="재택 상담원", dong=None, district="", work_place="재택 <근무>", posted_on=today
    )
    return list(open_vacancies().order_by("source", "-posted_on", "-id"))


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("who", ["anonymous", "resident"])
def test_the_rows_are_byte_for_byte_the_template_loop(vacancies, language, who):
    request = RequestFactory().get("/vacancies/?q=<x>&page=2")
    if who == "resident":
        resident = factories.ResidentFactory(with_user=True)
        SavedVacancy.objects.create(resident=resident, vacancy=vacancies[1])
        request.user = resident.user
    else:
        request.user = AnonymousUser()

    def draw(source, **values):
        request.__dict__.pop("_saved_vacancy_ids", None)
        context = Context({"request": request, "csrf_token": "token-5678", "vacancies": vacancies, **values})
        with translation.override(language):
            return Template("{% load i18n humanize vacancy_labels saved_vacancies %}" + source).render(
                context
            )

    with translation.override(language):
        rows = result_rows.rows_html(vacancies)
    assert rows.count("\x00") == 2 * len(vacancies)
    new = draw(NEW_ROWS, rows=rows, titles={vacancy.pk: vacancy.title for vacancy in vacancies})
    assert new == draw(REFERENCE_LOOP)
    assert ("관심 공고" in new or "aved" in new) == (who == "resident")
    assert "source-national" in new and "&lt;b&gt;용접 &amp; &quot;야간&quot;&lt;/b&gt;" in new
