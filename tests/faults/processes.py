"""Real processes on loopback for the fault tests: our own Redis, our own PostgreSQL cluster,
gunicorn and a Celery worker. The machine's shared Redis and PostgreSQL are never touched.

One name to import them all from; they live in process_tools.py (ports, waiting, environment),
database_processes.py (Redis, PostgreSQL, hot standby) and app_processes.py (gunicorn, Celery)."""

from tests.faults.app_processes import (
    CeleryBeat,
    CeleryWorker,
    WebServer,
    enqueue_in_a_new_process,
    enrol_second_factor,
)
from tests.faults.database_processes import HotStandby, PostgresCluster, RedisServer
from tests.faults.process_tools import (
    BASE_DIR,
    free_port,
    service_env,
    stop_process,
    stop_processes,
    test_database_url,
    wait_until,
)

__all__ = [
    "BASE_DIR",
    "CeleryBeat",
    "CeleryWorker",
    "HotStandby",
    "PostgresCluster",
    "RedisServer",
    "WebServer",
    "enqueue_in_a_new_process",
    "enrol_second_factor",
    "free_port",
    "service_env",
    "stop_process",
    "stop_processes",
    "test_database_url",
    "wait_until",
]
