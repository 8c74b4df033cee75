"""Real `celery worker` processes for tests: on the running Redis, using the test database."""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.db import connection

from guro_jobs.celery import app as celery_app

BASE_DIR = Path(__file__).resolve().parent.parent


def all_queues():
    return ",".join(queue.name for queue in celery_app.conf.task_queues)


def worker_command(hostname, queues=None):
    """The command line of one solo-pool worker process of this project, on the given queues
    (comma-separated; default: every queue, as `make worker` does)."""
    return [
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
        "--queues",
        queues or all_queues(),
    ]


def start_celery_worker(name="test-worker", **env_overrides):
    """Start a solo-pool worker and wait until it answers a ping; its log goes to a temp file."""
    db = connection.settings_dict
    env = dict(os.environ, **env_overrides)
    env["DATABASE_URL"] = (
        f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    hostname = f"{name}-{os.getpid()}@localhost"
    log = tempfile.NamedTemporaryFile(prefix=f"{name}-", suffix=".log", delete=False)
    process = subprocess.Popen(
        worker_command(hostname),
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.log_path = log.name
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if celery_app.control.ping(destination=[hostname], timeout=1):
            return process
        if process.poll() is not None:
            raise RuntimeError(f"the worker exited at start:\n{Path(log.name).read_text()}")
    process.kill()
    raise RuntimeError("the Celery worker did not answer a ping within 60 s")


def stop_celery_worker(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
