"""Fault (1): Redis stops while the portal serves. Pages, /healthz and the admin keep answering
(no 5xx), a request to queue work says plainly that it is unavailable, and once Redis is back
queued work is done by a worker."""

import pytest
from django.db import connection
from django.utils import timezone

from residents.models import Resident
from tests import factories
from tests.faults.processes import (
    CeleryWorker,
    RedisServer,
    WebServer,
    enqueue_in_a_new_process,
    service_env,
    test_database_url,
    wait_until,
)

pytestmark = pytest.mark.services

PUBLIC_PAGES = ["/", "/healthz", "/ops/ping", "/admin/login/"]


@pytest.fixture
def redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def test_the_portal_keeps_serving_while_redis_is_down_and_queued_work_runs_once_it_is_back(
    transactional_db, django_db_serialized_rollback, redis, tmp_path
):
    staff = factories.staff_user()
    leaving = factories.ResidentFactory(deletion_requested_at=timezone.now())
    env = service_env(database_url=test_database_url(connection), broker_url=redis.url)

    with WebServer(env, tmp_path) as web:
        assert web.get("/healthz").json() == {"database": "ok", "broker": "ok"}
        admin = web.login_admin(staff.username, factories.PASSWORD)

        redis.stop()

        health = web.get("/healthz")
        assert health.status_code == 200
        assert health.json() == {"database": "ok", "broker": "down"}
        for path in PUBLIC_PAGES:
            assert web.get(path).status_code < 500, path
        assert web.get("/admin/", session=admin).status_code == 200
        readiness = web.get("/admin/readiness/", session=admin)
        assert readiness.status_code == 200
        assert "연결 안 됨" in readiness.text

        refused = enqueue_in_a_new_process(env)
        assert refused["status"] == "unavailable"
        assert "작업 대기열에 연결할 수 없어" in refused["message"]
        assert Resident.objects.get(pk=leaving.pk).anonymised_at is None

        redis.start()
        wait_until(lambda: web.get("/healthz").json()["broker"] == "ok", what="/healthz to see Redis again")
        with CeleryWorker(env, tmp_path):
            queued = enqueue_in_a_new_process(env)
            assert queued["status"] == "queued"
            assert "대기열에 들어가" in queued["message"]
            wait_until(
                lambda: Resident.objects.get(pk=leaving.pk).anonymised_at is not None,
                timeout=60,
                what="the worker to run the queued task",
            )
        assert "Traceback" not in web.log()
