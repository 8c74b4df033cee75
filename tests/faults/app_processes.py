"""The portal's own processes for the fault tests: gunicorn, a Celery worker and beat, and a fresh\nprocess that enqueues."""

import os
import subprocess
import sys
from pathlib import Path

import requests

from tests.faults.process_tools import BASE_DIR, free_port, stop_process, wait_until
from tests.workers import worker_command


class WebServer:
    """gunicorn with our gunicorn.conf.py and one sync worker, so one persistent database
    connection serves every request (what CONN_MAX_AGE + CONN_HEALTH_CHECKS are about)."""

    def __init__(self, env, log_dir, workers=1, port=None):
        self.port = port or free_port(8790)
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = env
        self.log_path = Path(log_dir) / f"gunicorn-{self.port}.log"
        self.workers = workers
        self.process = None

    def __enter__(self):
        self.launch()
        self.wait_ready()
        return self

    def launch(self):
        """Start gunicorn without waiting (start several processes, then wait for them all)."""
        log = open(self.log_path, "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "guro_jobs/gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
            ],
            cwd=BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout=60):
        wait_until(
            lambda: requests.get(self.base + "/ops/ping", timeout=2).ok, timeout=timeout, what="gunicorn"
        )

    def __exit__(self, *exc):
        stop_process(self.process)

    def get(self, path, session=None):
        return (session or requests).get(self.base + path, timeout=15, allow_redirects=False)

    def log(self):
        return self.log_path.read_text(errors="replace")

    def worker_pids(self):
        result = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True)
        return sorted(result.stdout.split())

    def login_admin(self, username, password):
        return self.login(username, password, path="/admin/login/", next_url="/admin/")

    def login(self, username, password, path="/accounts/login/", next_url="/"):
        session = requests.Session()
        session.get(self.base + path, timeout=15)
        response = session.post(
            self.base + path,
            data={
                "username": username,
                "password": password,
                "next": next_url,
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
            },
            timeout=15,
            allow_redirects=False,
        )
        assert response.status_code == 302, response.text[:500]
        # Staff and managers are sent on to the second factor (the admin login by way of the admin
        # page they asked for); residents and employers are in with the password alone.
        landing = response.headers["Location"]
        if "/accounts/2fa/" not in landing:
            landing = session.get(
                requests.compat.urljoin(self.base, landing), timeout=15, allow_redirects=False
            ).headers.get("Location", "")
        if "/accounts/2fa/" in landing:
            enrol_second_factor(self.base, session, next_url=next_url)
        return session

    def post(self, path, data, session):
        """A form POST with the session's CSRF token, as a browser sends it."""
        return session.post(
            self.base + path,
            data={**data, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
            headers={"Referer": self.base + path},
            timeout=15,
            allow_redirects=False,
        )


def enrol_second_factor(base, session, next_url="/admin/"):
    """Staff and managers enrol an authenticator app at their first sign-in: read the secret off
    the enrolment page, as a person types it into the app, and give the app's current code."""
    import re
    from base64 import b32decode

    from django_otp.oath import totp

    page = session.get(f"{base}/accounts/2fa/?next={next_url}", timeout=15)
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page.text).group(1).replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8))
    response = session.post(
        f"{base}/accounts/2fa/",
        data={
            "otp_token": f"{totp(key):06d}",
            "next": next_url,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        timeout=15,
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]
    return response


class CeleryWorker:
    """A solo-pool worker on the given queues (comma-separated; default: every queue)."""

    def __init__(self, env, log_dir, queues=None, name="fault-worker"):
        self.env = env
        self.queues = queues
        self.hostname = f"{name}-{os.getpid()}@localhost"
        self.log_path = Path(log_dir) / f"celery-{name}.log"
        self.process = None

    def __enter__(self):
        self.launch()
        self.wait_ready()
        return self

    def launch(self):
        log = open(self.log_path, "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            worker_command(self.hostname, self.queues),
            cwd=BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout=60):
        wait_until(
            lambda: " ready." in self.log_path.read_text(errors="replace"),
            timeout=timeout,
            what="the Celery worker",
        )

    def __exit__(self, *exc):
        stop_process(self.process)

    def log(self):
        return self.log_path.read_text(errors="replace")


class CeleryBeat:
    """`celery beat` with its schedule file in the log folder."""

    def __init__(self, env, log_dir):
        self.env = env
        self.log_path = Path(log_dir) / "celery-beat.log"
        self.schedule = Path(log_dir) / "celerybeat-schedule"
        self.process = None

    def launch(self):
        log = open(self.log_path, "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "guro_jobs", "beat", "--loglevel", "INFO"]
            + ["--schedule", str(self.schedule)],
            cwd=BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout=60):
        wait_until(lambda: "beat: Starting" in self.log(), timeout=timeout, what="celery beat")

    def __exit__(self, *exc):
        if self.process is not None:
            stop_process(self.process)

    def log(self):
        return self.log_path.read_text(errors="replace")


def enqueue_in_a_new_process(env):
    """What a web request's enqueue() answers, asked from a fresh process with this environment."""
    import json

    result = subprocess.run(
        [sys.executable, "-m", "tests.faults.enqueue_probe"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
