"""Our own Redis, our own PostgreSQL cluster and a hot standby of it, on loopback ports; the machine's\nshared Redis and PostgreSQL are never touched."""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.faults.process_tools import free_port, stop_process, wait_until


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
