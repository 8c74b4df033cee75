"""A signed-in resident's vacancy search comes from the same shared copy as everyone's: the kept
results hold a slot per row, and the resident's own 관심 공고 buttons are put in per request from one
query of their saved ids. So their saved state is never stale, never another resident's, and never
in the cache; and the buttons are byte for byte what the button template draws."""

import re

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from alerts.models import SavedVacancy
from employers import result_rows
from tests import factories

pytestmark = pytest.mark.django_db


def page(client, **query):
    response = client.get("/vacancies/", query)
    assert response.status_code == 200
    return response.content.decode()


def saved_buttons(html):
    return html.count("관심 공고 빼기"), html.count("관심 공고 저장")


def without_tokens(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@pytest.fixture
def resident():
    return factories.ResidentFactory(with_user=True, name="김saved")


def test_a_resident_sees_their_saved_state_right_after_saving_and_unsaving(client, resident):
    vacancy = factories.VacancyFactory(title="물류 관리원")
    factories.VacancyFactory(title="조리원")
    client.force_login(resident.user)
    assert saved_buttons(page(client)) == (0, 2)

    client.post(f"/me/alerts/vacancies/{vacancy.pk}/save/", {"next": "/vacancies/"})
    after_saving = page(client)
    assert saved_buttons(after_saving) == (1, 1)
    assert f'action="/me/alerts/vacancies/{vacancy.pk}/unsave/"' in after_saving

    client.post(f"/me/alerts/vacancies/{vacancy.pk}/unsave/", {"next": "/vacancies/"})
    assert saved_buttons(page(client)) == (0, 2)


def test_two_residents_each_see_their_own_saved_vacancies_from_one_kept_copy(client, resident):
    first, second = factories.VacancyFactory(title="첫째 공고"), factories.VacancyFactory(title="둘째 공고")
    other = factories.ResidentFactory(with_user=True)
    SavedVacancy.objects.create(resident=resident, vacancy=first)
    SavedVacancy.objects.create(resident=other, vacancy=second)

    client.force_login(resident.user)
    mine = page(client)
    client.force_login(other.user)
    with CaptureQueriesContext(connection) as captured:
        theirs = page(client)
    assert not any("employers_vacancy" in query["sql"] for query in captured), "the kept copy is used"

    assert f'action="/me/alerts/vacancies/{first.pk}/unsave/"' in mine
    assert f'action="/me/alerts/vacancies/{second.pk}/save/"' in mine
    assert f'action="/me/alerts/vacancies/{second.pk}/unsave/"' in theirs
    assert f'action="/me/alerts/vacancies/{first.pk}/save/"' in theirs
    client.logout()
    assert saved_buttons(page(client)) == (0, 0)


def test_a_residents_page_is_the_same_with_and_without_the_cache(client, resident, settings):
    saved = factories.VacancyFactory(title='용접공 <야간> & "주간"')
    factories.VacancyFactory(title="용접 보조")
    SavedVacancy.objects.create(resident=resident, vacancy=saved)
    client.force_login(resident.user)
    page(client, q="용접")  # fills the cache
    cached = without_tokens(page(client, q="용접"))
    settings.PAGE_CACHE_SECONDS = 0
    assert without_tokens(page(client, q="용접")) == cached
    assert saved_buttons(cached) == (1, 1)
    assert "용접공 &lt;야간&gt; &amp; &quot;주간&quot; 관심 공고에서 빼기" in cached


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("is_saved", [True, False])
def test_a_filled_slot_is_byte_for_byte_the_button_template(resident, language, is_saved):
    vacancy = factories.VacancyFactory(title="<b>'판매' & \"서비스\"</b>")
    if is_saved:
        SavedVacancy.objects.create(resident=resident, vacancy=vacancy)
    request = RequestFactory().get("/vacancies/?q=판매&page=2&x=<y>")
    request.user = resident.user

    def draw(source, **context):
        request.__dict__.pop("_saved_vacancy_ids", None)
        with translation.override(language):
            return Template("{% load saved_vacancies %}" + source).render(
                Context({"request": request, "csrf_token": "token-1234", **context})
            )

    slot = result_rows.ROW_SLOT.format(vacancy.pk)
    filled = draw(
        "<li>{% with_saved_vacancy_buttons html titles %}</li>",
        html=f"a{slot}b",
        titles={vacancy.pk: vacancy.title},
    )
    assert filled == "<li>a" + draw("{% saved_vacancy_button vacancy %}", vacancy=vacancy) + "b</li>"
    assert f"/me/alerts/vacancies/{vacancy.pk}/{'unsave' if is_saved else 'save'}/" in filled
    assert 'value="token-1234"' in filled and "&lt;b&gt;&#x27;판매&#x27;" in filled


def test_a_residents_search_costs_the_same_queries_for_5_or_40_vacancies(
    client, resident, django_assert_max_num_queries, settings
):
    employer = factories.EmployerFactory()
    for vacancy in factories.VacancyFactory.create_batch(5, employer=employer):
        SavedVacancy.objects.create(resident=resident, vacancy=vacancy)
    client.force_login(resident.user)
    settings.PAGE_CACHE_SECONDS = 0  # cold: every request filters, counts and draws
    client.get("/vacancies/", {"career": "any"})
    with django_assert_max_num_queries(15) as few:
        client.get("/vacancies/", {"career": "any"})
    cold_queries = len(few.captured_queries)
    assert saved_buttons(client.get("/vacancies/", {"career": "any"}).content.decode()) == (5, 0)
    more = factories.VacancyFactory.create_batch(35, employer=factories.EmployerFactory(business_number=""))
    for vacancy in more[-5:]:
        SavedVacancy.objects.create(resident=resident, vacancy=vacancy)
    with django_assert_max_num_queries(cold_queries):
        cold = client.get("/vacancies/", {"career": "any"}).content.decode()
    assert saved_buttons(cold) == (5, 15)

    settings.PAGE_CACHE_SECONDS = 600  # warm: the kept copy and one query of the saved ids
    client.get("/vacancies/", {"career": "any"})
    with django_assert_max_num_queries(cold_queries - 2) as warm:
        assert saved_buttons(client.get("/vacancies/", {"career": "any"}).content.decode()) == (5, 15)
    assert sum("alerts_savedvacancy" in query["sql"] for query in warm.captured_queries) == 1
