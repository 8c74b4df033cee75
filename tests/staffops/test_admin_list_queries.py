"""The staff lists in the admin send as many queries for a full page as for a few rows: nothing in a
row (a resident's dong, an application's vacancy and its employer, a placement's program) is
fetched one row at a time."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db

LISTS = {
    "/admin/residents/resident/": lambda n: [factories.ResidentFactory() for _ in range(n)],
    "/admin/placements/jobapplication/": lambda n: [
        factories.JobApplicationFactory(
            vacancy=factories.VacancyFactory(employer=factories.EmployerFactory())
        )
        for _ in range(n)
    ],
    "/admin/placements/placement/": lambda n: [factories.PlacementFactory() for _ in range(n)],
}


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", list(LISTS))
def test_a_staff_list_sends_the_same_queries_for_a_full_page_as_for_a_few_rows(client, staff_user, path):
    client.force_login(staff_user)
    LISTS[path](3)
    queries_for(client, path)  # the first request of a session also saves the staff's last-seen time
    few = queries_for(client, path)
    LISTS[path](27)
    many = queries_for(client, path)
    assert many == few, f"{path}: {few} queries for 3 rows, {many} for 30"
