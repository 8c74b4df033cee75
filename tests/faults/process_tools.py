"""Starting and stopping real processes on loopback for the fault tests: free ports, waiting, the\nenvironment a started process gets."""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def free_port(start=6390):
    """A loopback port nobody listens on, from `start` upwards."""
    for port in range(start, start + 500):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port from {start}")


def wait_until(check, timeout=30, interval=0.2, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception:  # not up yet
            pass
        time.sleep(interval)
    raise TimeoutError(f"waited {timeout} s for {what}")


def stop_process(process, timeout=20):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def stop_processes(processes, timeout=20):
    """SIGTERM to every process at once, then wait for each: shutting down in parallel."""
    running = [process for process in processes if process is not None and process.poll() is None]
    for process in running:
        process.send_signal(signal.SIGTERM)
    for process in running:
        stop_process(process, timeout=timeout)


def test_database_url(connection):
    """The URL of the test database the test process uses, for the processes it starts."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


test_database_url.__test__ = False  # not a test, despite the name


def service_env(*, database_url, broker_url):
    env = {k: v for k, v in os.environ.items() if k not in {"PRODUCTION", "DEBUG"}}
    env.update(
        DATABASE_URL=database_url,
        CELERY_BROKER_URL=broker_url,
        CELERY_RESULT_BACKEND=broker_url,
        PYTHONPATH=str(BASE_DIR),
    )
    return env
