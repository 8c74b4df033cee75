"""Limits hold across processes: two gunicorn servers on the same Redis and database count one
API throttle and one login lockout between them, not one each."""

import pytest
import requests
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from tests import factories
from tests.faults.processes import WebServer, service_env, test_database_url

pytestmark = pytest.mark.services


@pytest.fixture
def two_servers(transactional_db, django_db_serialized_rollback, tmp_path):
    cache.clear()  # the same Redis the servers count in
    env = service_env(database_url=test_database_url(connection), broker_url=settings.CELERY_BROKER_URL)
    env.update(API_THROTTLE_ANON="6/min", LOGIN_FAILURE_LIMIT="5")
    with WebServer(env, tmp_path) as first, WebServer(env, tmp_path) as second:
        yield first, second
    cache.clear()


def test_the_anonymous_api_throttle_is_one_count_across_two_server_processes(two_servers):
    first, second = two_servers
    statuses = []
    for turn in range(8):
        server = (first, second)[turn % 2]
        statuses.append(requests.get(server.base + "/api/v1/programs/", timeout=15).status_code)
    assert statuses == [200] * 6 + [429] * 2


def portal_login(server, session, username, password):
    session.get(server.base + "/accounts/login/", timeout=15)
    return session.post(
        server.base + "/accounts/login/",
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        timeout=15,
        allow_redirects=False,
    )


def test_a_login_lockout_counts_the_failures_made_on_both_server_processes(two_servers):
    first, second = two_servers
    resident = factories.ResidentFactory(with_user=True).user
    session = requests.Session()
    for turn in range(5):
        server = (first, second)[turn % 2]
        assert portal_login(server, session, resident.username, "wrong-password").status_code in {200, 429}
    assert portal_login(first, session, resident.username, factories.PASSWORD).status_code == 429
    assert portal_login(second, requests.Session(), resident.username, factories.PASSWORD).status_code == 429
