"""The one VacancyFilter behind /vacancies/ and /api/v1/vacancies/: each filter people use."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from employers.filters import VacancyFilter
from employers.models import Employer, Vacancy
from employers.page_cache import vacancies_changed
from employers.selectors import open_vacancies
from tests import factories

pytestmark = pytest.mark.django_db

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def titles(client, **params):
    answer = client.get("/api/v1/vacancies/", params)
    assert answer.status_code == 200, answer.content
    return {row["title"] for row in answer.json()["results"]}


def test_career_new_finds_vacancies_for_newcomers_and_those_open_to_either(client):
    factories.VacancyFactory(title="신입", career="new")
    factories.VacancyFactory(title="경력 3년", career="experienced", career_min_years=3)
    factories.VacancyFactory(title="무관", career="any")
    assert titles(client, career="new") == {"신입", "무관"}
    assert titles(client, career="experienced") == {"경력 3년", "무관"}
    assert titles(client, career="any") == {"무관"}


def test_years_of_career_leave_out_vacancies_asking_for_more(client):
    factories.VacancyFactory(title="경력 3년", career="experienced", career_min_years=3)
    factories.VacancyFactory(title="경력 7년", career="experienced", career_min_years=7)
    factories.VacancyFactory(title="신입", career="new")
    assert titles(client, career="experienced", career_years=5) == {"경력 3년"}
    assert titles(client, career_years=5) == {"경력 3년", "신입"}


def test_education_finds_what_that_level_may_apply_to(client):
    factories.VacancyFactory(title="학력 무관", required_education="")
    factories.VacancyFactory(title="고졸 이상", required_education="high_school")
    factories.VacancyFactory(title="대졸 이상", required_education="university")
    assert titles(client, education="high_school") == {"학력 무관", "고졸 이상"}
    assert titles(client, education="graduate_school") == {"학력 무관", "고졸 이상", "대졸 이상"}
    assert titles(client, education="middle_school") == {"학력 무관"}


def test_an_unknown_education_or_career_is_a_clear_error(client):
    answer = client.get("/api/v1/vacancies/", {"education": "phd", "career": "senior"})
    assert answer.status_code == 400
    assert set(answer.json()) >= {"education", "career"}


def test_employment_type_filters(client):
    factories.VacancyFactory(title="정규직", employment_type="full_time")
    factories.VacancyFactory(title="시간제", employment_type="part_time", weekly_hours=20)
    assert titles(client, employment_type="part_time") == {"시간제"}


def test_minimum_wage_compares_hourly_daily_and_yearly_wages_as_monthly(client):
    # 10,500원/h × 209 h = 2,194,500원; 110,000원/day × 21.7 = 2,387,000원; 3,000만원/y = 2,500,000원
    factories.VacancyFactory(title="시급", wage_unit="hourly", wage_amount=10_500)
    factories.VacancyFactory(title="일급", wage_unit="daily", wage_amount=110_000)
    factories.VacancyFactory(title="연봉", wage_unit="yearly", wage_amount=30_000_000)
    factories.VacancyFactory(title="월급", wage_unit="monthly", wage_amount=2_000_000)
    assert titles(client, min_wage=2_300_000) == {"일급", "연봉"}
    assert titles(client, min_wage=2_100_000) == {"시급", "일급", "연봉"}


def test_working_days_and_hours_filter(client):
    factories.VacancyFactory(title="주3일 15시간", work_days_per_week=3, weekly_hours=15)
    factories.VacancyFactory(title="주5일 40시간", work_days_per_week=5, weekly_hours=40)
    factories.VacancyFactory(title="주6일 48시간", work_days_per_week=6, weekly_hours=48)
    assert titles(client, work_days=5) == {"주3일 15시간", "주5일 40시간"}
    assert titles(client, max_weekly_hours=20) == {"주3일 15시간"}


def test_area_is_a_guro_dong_or_a_seoul_district(client):
    factories.VacancyFactory(title="구로3동", dong=factories.dong("구로3동"), district="11530")
    factories.VacancyFactory(title="항동", dong=factories.dong("항동"), district="11530")
    factories.VacancyFactory(
        title="영등포", dong=None, district="11560", work_place="서울 영등포구 여의대로 1"
    )
    assert titles(client, dong=factories.dong("항동").pk) == {"항동"}
    assert titles(client, district="11560") == {"영등포"}
    assert titles(client, district="11530") == {"구로3동", "항동"}


def test_posted_within_and_closing_soon(client):
    today = timezone.localdate()
    factories.VacancyFactory(
        title="오늘 게시", posted_on=today, closes_on=today + datetime.timedelta(days=30)
    )
    factories.VacancyFactory(
        title="열흘 전 게시 모레 마감",
        posted_on=today - datetime.timedelta(days=10),
        closes_on=today + datetime.timedelta(days=2),
    )
    factories.VacancyFactory(title="상시", posted_on=today - datetime.timedelta(days=40), closes_on=None)
    assert titles(client, posted_within=7) == {"오늘 게시"}
    assert titles(client, closing_within=3) == {"열흘 전 게시 모레 마감"}
    assert titles(client, closing_within=1) == set()


def test_keyword_finds_part_of_a_korean_word_in_title_description_or_employer(client):
    factories.VacancyFactory(title="웹개발자 채용", description="사내 시스템")
    factories.VacancyFactory(title="경리 담당", description="급여계산과 세무신고")
    factories.VacancyFactory(
        title="매장 직원",
        description="진열과 계산",
        employer=factories.EmployerFactory(name="구로푸드시스템즈"),
    )
    assert titles(client, q="개발") == {"웹개발자 채용"}
    assert titles(client, q="세무") == {"경리 담당"}
    assert titles(client, q="푸드") == {"매장 직원"}
    assert titles(client, q="시스템") == {"웹개발자 채용", "매장 직원"}


@pytest.mark.skipif(not ON_POSTGRES, reason="trigram indexes exist on PostgreSQL only")
def test_keyword_search_uses_the_trigram_index_on_postgresql():
    factories.VacancyFactory(title="웹개발자 채용")
    # A word of three letters or more has trigrams for the index (a shorter one has none: below).
    queryset = VacancyFilter({"q": "웹개발"}, queryset=Vacancy.objects.all()).qs
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")  # a tiny table: leave only bitmap scans
        plan = queryset.explain()
    assert "vacancy_title_trgm" in plan and "vacancy_description_trgm" in plan
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")  # a tiny table: leave only bitmap scans
        assert "employer_name_trgm" in Employer.objects.filter(name__icontains="웹개발").explain()


def test_a_short_word_without_letter_case_is_matched_without_upper_casing_every_row(client):
    factories.VacancyFactory(title="웹개발자 채용", description="사내 시스템")
    factories.VacancyFactory(title="IT 지원", description="사내 전산 it 헬프데스크")
    factories.VacancyFactory(
        title="경리", description="Excel 가능자", employer=factories.EmployerFactory(name="IT구로")
    )
    with CaptureQueriesContext(connection) as captured:
        assert titles(client, q="개발") == {"웹개발자 채용"}
    keyword_sql = [query["sql"] for query in captured if "개발" in query["sql"]]
    assert keyword_sql and not any("UPPER" in sql for sql in keyword_sql)
    # Letters with case keep the case-blind match, short or long.
    assert titles(client, q="it") == titles(client, q="IT") == {"IT 지원", "경리"}
    assert titles(client, q="excel") == {"경리"}
    assert titles(client, q="개발 it") == set()
    assert titles(client, q="사내 IT") == {"IT 지원"}


def test_local_vacancies_come_before_national_ones_whatever_the_sort(client):
    factories.VacancyFactory(title="고용24 고임금", source="national", wage_amount=5_000_000,
                             national_posting_number="K1", external_url="https://www.work.go.kr/x")  # fmt: skip
    factories.VacancyFactory(title="구로 공고", wage_amount=2_000_000)
    answer = client.get("/api/v1/vacancies/", {"ordering": "-monthly_wage"}).json()["results"]
    assert [row["title"] for row in answer] == ["구로 공고", "고용24 고임금"]
    assert answer[1]["source"] == "national" and answer[1]["external_url"] == "https://www.work.go.kr/x"
    assert titles(client, source="national") == {"고용24 고임금"}


def test_the_search_page_costs_the_same_queries_for_5_or_40_vacancies(client, django_assert_max_num_queries):
    employer = factories.EmployerFactory()
    factories.VacancyFactory.create_batch(5, employer=employer)
    with django_assert_max_num_queries(10) as few:
        client.get("/vacancies/", {"career": "any"})
    factories.VacancyFactory.create_batch(35, employer=factories.EmployerFactory(business_number=""))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/vacancies/", {"career": "any"})


def test_the_filter_form_shows_the_tree_indented_by_level():
    form = VacancyFilter({}, queryset=open_vacancies()).form
    labels = [label for _value, label in form.fields["occupation"].choices]
    assert "1 연구직 및 공학 기술직" in labels
    assert "\u00a0\u00a0\u00a0\u00a0133 소프트웨어 개발자" in labels


def test_the_cached_search_form_keeps_each_searchs_own_choices(client):
    chosen = client.get("/vacancies/", {"career": "new"}).content.decode()
    plain = client.get("/vacancies/").content.decode()
    again = client.get("/vacancies/", {"career": "new"}).content.decode()
    assert '<option value="new" selected>신입</option>' in chosen and chosen.count(
        " selected>"
    ) == again.count(" selected>")
    assert '<option value="new">신입</option>' in plain and '<option value="new" selected>' not in plain
    wrong = client.get("/vacancies/", {"career": "senior"}).content.decode()
    assert "올바르게 선택해 주세요" in wrong or "is-error" in wrong


def test_a_search_past_the_count_cap_says_at_least_that_many(client, monkeypatch):
    from employers.views import CappedCountPaginator

    monkeypatch.setattr(CappedCountPaginator, "COUNT_CAP", 3)
    factories.VacancyFactory.create_batch(5, employer=factories.EmployerFactory())
    assert "검색 결과 3건 이상" in client.get("/vacancies/").content.decode()
    Vacancy.objects.filter(pk__in=Vacancy.objects.values("pk")[:3]).update(status=Vacancy.Status.CLOSED)
    vacancies_changed()  # a bulk update sends no signal; code that writes in bulk says so (page cache)
    assert "검색 결과 2건</h2>" in client.get("/vacancies/").content.decode()
