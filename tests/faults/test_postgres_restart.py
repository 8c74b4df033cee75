"""Fault (3): PostgreSQL restarts while the portal serves. The next requests succeed without
restarting gunicorn: CONN_HEALTH_CHECKS replaces the dead persistent connection.

It runs its own throwaway cluster (initdb + pg_ctl on a free port); the shared one is never touched."""

import subprocess
import sys

import pytest

from tests.faults.processes import BASE_DIR, PostgresCluster, RedisServer, WebServer, service_env

pytestmark = pytest.mark.services

PASSWORD = "guro-fault-test-2026!"


@pytest.fixture
def cluster():
    cluster = PostgresCluster()
    cluster.start()
    yield cluster
    cluster.destroy()


@pytest.fixture
def redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_requests_after_a_postgresql_restart_succeed_without_restarting_the_web(cluster, redis, tmp_path):
    cluster.create_database("guro_fault")
    env = service_env(database_url=cluster.url("guro_fault"), broker_url=redis.url)
    manage(env, "migrate", "--no-input", "-v0")
    manage(
        {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
        "createsuperuser",
        "--no-input",
        "--username",
        "admin@guro.go.kr",
        "--email",
        "admin@guro.go.kr",
    )

    with WebServer(env, tmp_path) as web:
        admin = web.login_admin("admin@guro.go.kr", PASSWORD)
        assert web.get("/admin/residents/resident/", session=admin).status_code == 200
        assert web.get("/healthz").json()["database"] == "ok"
        worker_pid_before = web.worker_pids()

        cluster.restart()

        # The very first request after the restart already gets a working connection.
        assert web.get("/healthz").json() == {"database": "ok", "broker": "ok"}
        assert web.get("/admin/residents/resident/", session=admin).status_code == 200
        assert web.get("/admin/", session=admin).status_code == 200
        assert web.worker_pids() == worker_pid_before  # same gunicorn worker, not restarted
        assert " 500 " not in web.log()
