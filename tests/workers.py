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


def worker_command(hostname):
    """The command line of one solo-pool worker process of this project."""
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
