"""Career length from the history: overlapping periods count once; a current job runs to today."""

import pytest

from resumes import selectors
from tests import factories
from tests.resumes.conftest import day, make_resume

pytestmark = pytest.mark.django_db


def test_overlapping_career_entries_are_counted_once():
    resident = factories.ResidentFactory()
    make_resume(
        resident,
        careers=[
            ("구로전자", day("2018-01-01"), day("2019-12-31")),  # 24 months
            ("디지털밸리", day("2019-07-01"), day("2020-06-30")),  # 12 months, 6 of them overlapping
        ],
    )
    assert selectors.career_months(resident, today=day("2026-12-01")) == 30
    assert selectors.career_years(resident, today=day("2026-12-01")) == 2


def test_the_same_job_written_in_two_resumes_is_counted_once():
    resident = factories.ResidentFactory()
    make_resume(resident, title="A", careers=[("구로전자", day("2020-01-01"), day("2022-12-31"))])
    make_resume(resident, title="B", careers=[("구로전자", day("2020-01-01"), day("2022-12-31"))])
    assert selectors.career_years(resident, today=day("2026-12-01")) == 3


def test_a_current_job_counts_up_to_today_and_gaps_are_not_counted():
    resident = factories.ResidentFactory()
    make_resume(
        resident,
        careers=[("구로전자", day("2020-01-01"), day("2020-12-31")), ("디지털밸리", day("2025-12-01"), None)],
    )
    assert selectors.career_months(resident, today=day("2026-11-30")) == 24


def test_a_resident_without_career_entries_has_none():
    assert selectors.career_months(factories.ResidentFactory()) == 0


def test_many_residents_career_months_in_one_query(django_assert_num_queries):
    first, second = factories.ResidentFactory(), factories.ResidentFactory()
    make_resume(first, careers=[("구로전자", day("2020-01-01"), day("2021-12-31"))])
    with django_assert_num_queries(1):
        months = selectors.career_months_by_resident([first.pk, second.pk], today=day("2026-12-01"))
    assert months == {first.pk: 24}
