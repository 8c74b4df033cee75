"""The embedded default (no DATABASE_URL: SQLite) migrates from nothing, so a newcomer's first
`make demo` works on a bare machine. PostgreSQL-only schema (the trigram indexes) stays out of the
models' state, or SQLite's table rebuilds in later migrations would try to create it."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings


def test_every_migration_runs_on_a_fresh_sqlite_database(tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"}
    }
    environment["DATABASE_URL"] = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    migrated = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=Path(settings.BASE_DIR),
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert migrated.returncode == 0, migrated.stderr[-2000:]
    assert (tmp_path / "fresh.sqlite3").stat().st_size > 0
