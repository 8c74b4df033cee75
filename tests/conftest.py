"""Shared fixtures: role users, the eager/real Celery switch, and a real Celery worker."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from guro_jobs.celery import app as celery_app
from tests import factories

BASE_DIR = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() == "true"


def uses_transactions(item):
    marker = item.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config, items):
    """Transactional tests (real workers, live servers) empty the database when they end; a
    serialized rollback puts back what the migrations loaded (the plan's figures, dongs, roles).

    Tests marked `services` need PostgreSQL and Redis: skipped locally without them, and a
    failure in CI, where they must run."""
    for item in items:
        if uses_transactions(item):
            marker = item.get_closest_marker("django_db")
            kwargs = dict(marker.kwargs) if marker else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)
            if "django_db_serialized_rollback" not in item.fixturenames:
                item.fixturenames.append("django_db_serialized_rollback")
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    has_broker = bool(settings.CELERY_BROKER_URL)
    if on_postgres and has_broker:
        return
    reason = "needs DATABASE_URL=postgres://… and CELERY_BROKER_URL=redis://… (see README)"
    for item in items:
        if "services" in item.keywords:
            if IN_CI:
                raise pytest.UsageError(f"CI must run service tests, but: {reason}")
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing_and_no_login_throttling():
    """Hashing with production Argon2 costs ~0.1 s a password; tests use a cheap Argon2. Login
    throttling is off because test clients' login() calls authenticate() without a request;
    tests/deploy/test_login_security.py switches it back on."""
    from django.contrib.auth.hashers import get_hashers, get_hashers_by_algorithm
    from django.test import override_settings

    with override_settings(
        PASSWORD_HASHERS=["tests.hashers.FastArgon2PasswordHasher", *settings.PASSWORD_HASHERS],
        AXES_ENABLED=False,
    ):
        get_hashers.cache_clear()
        get_hashers_by_algorithm.cache_clear()
        yield


@pytest.fixture(autouse=True)
def eager_celery():
    """Unit tests run tasks in-process; tests that use `celery_worker` switch this off."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def celery_worker(transactional_db, django_db_serialized_rollback):
    """A real `celery worker` process on the running Redis, using the test database. (Serialized
    rollback: the reference data from migrations is back for each such test, even after another
    transactional test flushed the tables.)"""
    from django.db import connection

    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    db = connection.settings_dict
    env = dict(os.environ)
    env["DATABASE_URL"] = (
        f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    hostname = f"test-worker-{os.getpid()}@localhost"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "guro_jobs",
            "worker",
            "--pool",
            "solo",
            "--loglevel",
            "INFO",
            "--hostname",
            hostname,
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        replies = celery_app.control.ping(destination=[hostname], timeout=1)
        if replies:
            break
        if process.poll() is not None:
            raise RuntimeError(process.stdout.read().decode())
    else:
        process.kill()
        raise RuntimeError("the Celery worker did not answer a ping within 60 s")
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def staff_user(db):
    return factories.staff_user()


@pytest.fixture
def manager_user(db):
    return factories.manager_user()


@pytest.fixture
def resident_user(db):
    return factories.ResidentFactory(with_user=True).user


@pytest.fixture
def employer_user(db):
    return factories.employer_user()
