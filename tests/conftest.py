"""Shared fixtures: role users, the eager/real Celery switch, and a real Celery worker."""

import os

import pytest
from django.conf import settings

from guro_jobs.celery import app as celery_app
from tests import factories
from tests.workers import start_celery_worker, stop_celery_worker

IN_CI = os.environ.get("CI", "").lower() == "true"


def uses_transactions(item):
    marker = item.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Transactional tests (real workers, live servers) empty the database when they end; a
    serialized rollback puts back what the migrations loaded (the plan's figures, dongs, roles).

    Tests marked `services` need PostgreSQL and Redis: skipped locally without them, and a
    failure in CI, where they must run."""
    # Browser journeys last: Playwright's event loop gives the ORM fresh connection objects that
    # lack the serialized copy later transactional tests restore from.
    # Tests marked `fresh_database` first: they compare against a freshly migrated database, before
    # any transactional test has emptied and restored it.
    items.sort(
        key=lambda item: 0 if "fresh_database" in item.keywords else 2 if "browser" in item.keywords else 1
    )
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
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    process = start_celery_worker()
    yield process
    stop_celery_worker(process)


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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database may empty the access log: Django truncates every table after a
    transactional test, which the audit trigger (audit migration 0003) refuses elsewhere."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        name = connection.ops.quote_name(connection.settings_dict["NAME"])
        cursor.execute(f"ALTER DATABASE {name} SET guro.allow_audit_log_truncate = 'on'")
        cursor.execute("SET guro.allow_audit_log_truncate = 'on'")


@pytest.fixture(autouse=True)
def staff_logins_pass_the_second_factor(monkeypatch):
    """Test clients' force_login()/login() give staff and managers a session that has verified a
    TOTP device, as signing in does (tests/deploy/test_second_factor.py walks the real thing).
    factories.login_without_second_factor(client, user) gives a password-only session."""
    from django.test import Client

    original = Client._login

    def _login(self, user, backend=None):
        original(self, user, backend)
        if not getattr(self, "without_second_factor", False):
            factories.verify_second_factor_in_session(self, user)

    monkeypatch.setattr(Client, "_login", _login)


@pytest.fixture(autouse=True, scope="session")
def no_signup_rate_limit():
    """Many tests sign up from the same test address; tests/deploy/test_signup_limit.py sets the
    real limit back."""
    from django.test import override_settings

    with override_settings(SIGNUP_RATE_LIMIT="1000000/hour"):
        yield


@pytest.fixture(autouse=True)
def fresh_vacancy_filter_options():
    """The vacancy search caches its option lists per worker; each test starts without them."""
    from employers.widgets import forget_cached_options

    forget_cached_options()
    yield
    forget_cached_options()


@pytest.fixture(autouse=True)
def fresh_admin_list_choices(settings):
    """The staff lists keep their filters' choices, and the admin its sidebar and filters, in each
    worker's memory for a few seconds (residents/admin_paging.py, guro_jobs/cache.py); each test
    starts without them. A list page kept around its rows (residents/admin_kept_list.py) answers
    without the template context most tests read, so it is off unless a test turns it on
    (tests/staffops/test_admin_kept_list.py)."""
    from django.core.cache import caches

    from residents import admin_kept_list
    from residents.admin_paging import forget_kept_choices

    settings.ADMIN_LIST_KEPT_SECONDS = 0
    forget_kept_choices()
    admin_kept_list.forget_all()
    getattr(caches["admin_fragments"], "_memory", {}).clear()
    yield
    forget_kept_choices()
    admin_kept_list.forget_all()


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Public pages keep shared fragments in Redis (guro_jobs/page_cache.py), which outlives a
    test's database: each test starts with every namespace out of use."""
    from guro_jobs import page_cache

    page_cache.forget_all()
    yield
    page_cache.forget_all()
