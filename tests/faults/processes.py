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


class HotStandby:
    """A hot standby of the running PostgreSQL cluster (the test database included): a
    `pg_basebackup -R` copy started on its own port, from 5433 upwards, streaming from the primary.
    As root, it runs as the `postgres` user. `destroy()` stops it and removes its files."""

    REPLICATION_RULE = "host replication all 127.0.0.1/32 trust"
    # A standby needs at least the primary's value of these (PostgreSQL refuses to start otherwise).
    COPIED_SETTINGS = (
        "max_connections",
        "max_worker_processes",
        "max_wal_senders",
        "max_prepared_transactions",
        "max_locks_per_transaction",
    )

    def __init__(self, primary_host="127.0.0.1", primary_port=5432):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        self.bin = Path(bins[-1]) if bins else Path(shutil.which("pg_ctl")).parent
        self.primary = {"host": primary_host, "port": primary_port, "user": "postgres", "dbname": "postgres"}
        self.port = free_port(5433)
        self.root = Path(tempfile.mkdtemp(prefix="guro-standby-"))
        self.data = self.root / "data"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.root, user="postgres")

    def _pg(self, *args, timeout=120):
        return subprocess.run([*self.as_postgres, *args], check=True, capture_output=True, timeout=timeout)

    def _primary_query(self, sql):
        import psycopg2

        connection = psycopg2.connect(**self.primary)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall() if cursor.description else None
        finally:
            connection.close()

    def allow_replication(self):
        """Let loopback replication connections in (idempotent: the rule is added once, then reloaded)."""
        rules = self._primary_query(
            "SELECT count(*) FROM pg_hba_file_rules WHERE 'replication' = ANY(database) "
            "AND (type = 'local' OR address = '127.0.0.1')"
        )
        if rules[0][0]:
            return
        hba_file = Path(self._primary_query("SHOW hba_file")[0][0])
        if self.REPLICATION_RULE not in hba_file.read_text():
            with hba_file.open("a") as hba:
                hba.write(
                    f"\n# test hot standby (tests/faults/processes.py HotStandby)\n{self.REPLICATION_RULE}\n"
                )
        self._primary_query("SELECT pg_reload_conf()")

    def start(self):
        self.allow_replication()
        backup = [
            str(self.bin / "pg_basebackup"),
            f"--host={self.primary['host']}",
            f"--port={self.primary['port']}",
            "--username=postgres",
            f"--pgdata={self.data}",
            "--write-recovery-conf",
            "--wal-method=stream",
            "--checkpoint=fast",
            "--no-sync",
        ]
        deadline = time.monotonic() + 30
        while True:  # the reloaded pg_hba.conf takes effect a moment after pg_reload_conf()
            try:
                self._pg(*backup)
                break
            except subprocess.CalledProcessError as error:
                shutil.rmtree(self.data, ignore_errors=True)
                if time.monotonic() > deadline or b"pg_hba.conf" not in error.stderr:
                    raise RuntimeError(f"pg_basebackup failed: {error.stderr.decode(errors='replace')}")
                time.sleep(0.3)
        names = ",".join(f"'{name}'" for name in self.COPIED_SETTINGS)
        values = dict(self._primary_query(f"SELECT name, setting FROM pg_settings WHERE name IN ({names})"))
        # The primary's configuration files live outside its data folder (Debian): write our own.
        conf = [
            "hot_standby = on",
            "listen_addresses = '127.0.0.1'",
            f"port = {self.port}",
            f"unix_socket_directories = '{self.root}'",
            "shared_buffers = 16MB",
            "fsync = off",
            *(f"{name} = {value}" for name, value in values.items()),
        ]
        files = {
            "postgresql.conf": "\n".join(conf) + "\n",
            "pg_hba.conf": "local all all trust\nhost all all 127.0.0.1/32 trust\n",
            "pg_ident.conf": "",
        }
        for name, text in files.items():
            path = self.data / name
            path.write_text(text)
            if self.as_postgres:
                shutil.chown(path, user="postgres")
        self.start_server()

    def start_server(self):
        self._pg(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "start"
        )

    def stop_server(self):
        self._pg(str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-m", "fast", "stop")

    def query(self, sql, database="postgres"):
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=database)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall() if cursor.description else None
        finally:
            connection.close()

    def pause_replay(self):
        self.query("SELECT pg_wal_replay_pause()")

    def resume_replay(self):
        self.query("SELECT pg_wal_replay_resume()")

    def destroy(self):
        try:
            self._pg(
                str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-m", "immediate", "stop", timeout=60
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.root, ignore_errors=True)
