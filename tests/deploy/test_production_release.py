"""The production release as the Procfile and docs/DEPLOY.md give it, then gunicorn with
PRODUCTION=true on a loopback port: every main page answers, with the security headers."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection

from tests.faults.processes import WebServer, test_database_url

BASE_DIR = Path(__file__).resolve().parents[2]
SECRET = "p8Jx2-vQz7Lr0Wm4Ns9Tk3Yb6Hc1Gf5Da8Ue2Io7Pl4Kj0Mn3Bv6Cx9Zq1Aw5Se8"
MAIN_PAGES = ["/", "/vacancies/", "/programs/", "/admin/login/", "/api/v1/"]


def procfile_command(process):
    for line in (BASE_DIR / "Procfile").read_text().splitlines():
        if line.startswith(f"{process}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"the Procfile has no {process} process")


def production_env(static_root, **extra):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "PRODUCTION", "SECRET_KEY"}}
    env.update(
        PRODUCTION="true",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1",
        CSRF_TRUSTED_ORIGINS="https://127.0.0.1",
        STATIC_ROOT=str(static_root),
        PYTHONPATH=str(BASE_DIR),
        **extra,
    )
    return env


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_fails_when_the_static_manifest_was_never_collected(tmp_path):
    result = manage("check", "--deploy", env=production_env(tmp_path / "empty"))
    assert result.returncode != 0
    assert "guro_jobs.E001" in result.stderr
    assert "collectstatic" in result.stderr


@pytest.mark.services
def test_the_documented_release_then_production_gunicorn_serves_every_main_page_with_security_headers(
    transactional_db, django_db_serialized_rollback, tmp_path
):
    static_root = tmp_path / "static"
    env = production_env(
        static_root,
        DATABASE_URL=test_database_url(connection),
        CELERY_BROKER_URL=settings.CELERY_BROKER_URL,
        CELERY_RESULT_BACKEND=settings.CELERY_BROKER_URL,
        WEB_CONCURRENCY="1",
    )
    # The Procfile's release step, with the python of this checkout's venv.
    release = procfile_command("release").replace("python manage.py", f"{sys.executable} manage.py")
    result = subprocess.run(
        release, shell=True, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    # The KRDS stylesheet's broken `img/img/` reference now points to the hashed icon that exists.
    stylesheet = (static_root / manifest["krds/css/component/component.css"]).read_text()
    assert "img/img/" not in stylesheet
    assert re.search(r"\.\./\.\./img/component/icon/ico_angle\.[0-9a-f]{12}\.svg", stylesheet)
    check = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert check.returncode == 0, check.stdout + check.stderr

    with WebServer(env, tmp_path) as web:
        over_https = {"X-Forwarded-Proto": "https"}  # what the reverse proxy adds (docs/DEPLOY.md)
        plain = requests.get(web.base + "/", timeout=15, allow_redirects=False)
        assert plain.status_code == 301
        assert plain.headers["Location"].startswith("https://")
        for path in MAIN_PAGES:
            response = requests.get(web.base + path, headers=over_https, timeout=15, allow_redirects=False)
            assert response.status_code == 200, (path, response.status_code, web.log()[-3000:])
            headers = response.headers
            assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
            policy = headers["Content-Security-Policy"]
            assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
            assert headers["X-Frame-Options"] == "DENY"
            assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
            assert "camera=()" in headers["Permissions-Policy"]
            assert headers["Server"] == "gunicorn", headers["Server"]  # the bare name, no version
        hashed = manifest["krds/css/component/component.css"]
        static = requests.get(f"{web.base}/static/{hashed}", headers=over_https, timeout=15)
        assert static.status_code == 200
        assert "max-age=315360000" in static.headers["Cache-Control"]
        assert "camera=()" in static.headers["Permissions-Policy"]
