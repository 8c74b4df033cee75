"""A real PostgreSQL hot standby of the test cluster, and the `replica` database alias on it."""

import copy
import os

import pytest
from django.db import connections

from guro_jobs import db_router
from tests.faults.processes import HotStandby, wait_until

IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="module")
def hot_standby(django_db_setup):
    """Started after the test database exists; the standby replicates it with everything else."""
    if connections["default"].vendor != "postgresql":
        pytest.skip("a hot standby needs PostgreSQL")
    standby = HotStandby(
        primary_host=connections["default"].settings_dict["HOST"] or "127.0.0.1",
        primary_port=int(connections["default"].settings_dict["PORT"] or 5432),
    )
    try:
        try:
            standby.start()
        except PermissionError as error:  # pg_hba.conf needs a replication rule we may not add
            if IN_CI:
                raise
            pytest.skip(f"cannot allow replication on the test cluster: {error}")
        yield standby
    finally:
        standby.destroy()


@pytest.fixture(scope="module")
def replica_alias(hot_standby):
    """What DATABASE_REPLICA_URL configures (guro_jobs/settings.py), pointed at the standby and
    the test database's name (a test mirror: never created, flushed or migrated by the tests)."""
    primary = connections["default"].settings_dict
    replica = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": primary["NAME"],
        "USER": "postgres",
        "HOST": "127.0.0.1",
        "PORT": str(hot_standby.port),
        "OPTIONS": {"connect_timeout": 2},
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"MIRROR": "default"},
    }
    configured = connections.configure_settings({"default": copy.deepcopy(primary), "replica": replica})
    connections.settings[db_router.REPLICA] = configured["replica"]
    db_router.reset_replica_health()
    yield db_router.REPLICA
    connections[db_router.REPLICA].close()
    del connections[db_router.REPLICA]
    del connections.settings[db_router.REPLICA]
    db_router.reset_replica_health()


@pytest.fixture
def replica_settings(settings, replica_alias):
    """Check the standby's health on every request, and tolerate any lag unless a test says so."""
    settings.REPLICA_CHECK_SECONDS = 0
    settings.REPLICA_MAX_LAG_SECONDS = 3600
    db_router.reset_replica_health()
    yield settings
    db_router.reset_replica_health()


def wait_replicated(check, what="the standby to replay the change"):
    wait_until(check, timeout=15, interval=0.05, what=what)
