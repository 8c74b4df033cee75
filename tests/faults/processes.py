"""Real processes on loopback for the fault tests: our own Redis, our own PostgreSQL cluster,
gunicorn and a Celery worker. The machine's shared Redis and PostgreSQL are never touched."""

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from tests.workers import worker_command

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


class RedisServer:
    """A throwaway redis-server without persistence on its own port."""

    def __init__(self, log_dir):
        self.port = free_port(6390)
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.log_dir = Path(log_dir)
        self.process = None

    def start(self):
        log = open(self.log_dir / f"redis-{self.port}.log", "ab")  # noqa: SIM115 (closed with the process)
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        wait_until(self.is_up, what=f"redis on port {self.port}")

    def is_up(self):
        with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")

    def stop(self):
        if self.process is not None:
            stop_process(self.process)
            self.process = None


class PostgresCluster:
    """A throwaway PostgreSQL cluster (initdb + pg_ctl) on its own port and socket directory.
    As root, the server runs as the `postgres` user, since PostgreSQL refuses to run as root."""

    def __init__(self):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        pg_ctl = shutil.which("pg_ctl")
        self.bin = Path(bins[-1]) if bins else Path(pg_ctl).parent
        self.port = free_port(5499)
        self.root = Path(tempfile.mkdtemp(prefix="guro-pg-"))
        self.data = self.root / "data"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.root, user="postgres")

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _pg(self, *args):
        subprocess.run([*self.as_postgres, *args], check=True, capture_output=True, timeout=120)

    def start(self):
        self._pg(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
        )
        self._pg(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-o",
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1",
            "start",
        )

    def restart(self):
        # pg_ctl restart reuses the options of the running server; -m fast drops every connection.
        # -l again: otherwise the new server writes to (and holds open) our output pipe.
        self._pg(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-m",
            "fast",
            "restart",
        )

    def create_database(self, name):
        import psycopg2

        connection = psycopg2.connect(self.url("postgres"))
        connection.autocommit = True
        connection.cursor().execute(f'CREATE DATABASE "{name}"')
        connection.close()

    def destroy(self):
        try:
            self._pg(str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)


class WebServer:
    """gunicorn with our gunicorn.conf.py and one sync worker, so one persistent database
    connection serves every request (what CONN_MAX_AGE + CONN_HEALTH_CHECKS are about)."""

    def __init__(self, env, log_dir, workers=1):
        self.port = free_port(8790)
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = env
        self.log_path = Path(log_dir) / f"gunicorn-{self.port}.log"
        self.workers = workers
        self.process = None

    def __enter__(self):
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
        wait_until(lambda: requests.get(self.base + "/ops/ping", timeout=2).ok, timeout=60, what="gunicorn")
        return self

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
        session = requests.Session()
        session.get(self.base + "/admin/login/", timeout=15)
        response = session.post(
            self.base + "/admin/login/",
            data={
                "username": username,
                "password": password,
                "next": "/admin/",
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
            },
            timeout=15,
            allow_redirects=False,
        )
        assert response.status_code == 302, response.text[:500]
        enrol_second_factor(self.base, session)
        return session


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
    def __init__(self, env, log_dir):
        self.env = env
        self.hostname = f"fault-worker-{os.getpid()}@localhost"
        self.log_path = Path(log_dir) / "celery-worker.log"
        self.process = None

    def __enter__(self):
        log = open(self.log_path, "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            worker_command(self.hostname),
            cwd=BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        wait_until(
            lambda: " ready." in self.log_path.read_text(errors="replace"),
            timeout=60,
            what="the Celery worker",
        )
        return self

    def __exit__(self, *exc):
        stop_process(self.process)


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
