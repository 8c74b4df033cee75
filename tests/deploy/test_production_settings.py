"""Production settings come from the environment; the bare checkout still works over local http."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

# The production environment as docs/DEPLOY.md lists it (database and broker do not matter here).
PRODUCTION_ENV = {
    "PRODUCTION": "true",
    "SECRET_KEY": "p8Jx2-vQz7Lr0Wm4Ns9Tk3Yb6Hc1Gf5Da8Ue2Io7Pl4Kj0Mn3Bv6Cx9Zq1Aw5Se8",
    "ALLOWED_HOSTS": "jobs.guro.go.kr",
    "CSRF_TRUSTED_ORIGINS": "https://jobs.guro.go.kr",
}


def manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "PRODUCTION", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_at_warning_level_with_the_documented_production_environment(tmp_path):
    # After the release's collectstatic (tests/deploy/test_production_release.py runs the real one).
    (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1", "hash": ""}')
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_reports_the_https_settings_without_the_production_switch():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env={})
    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in result.stderr


def test_production_refuses_to_start_without_its_own_secret_key():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_local_http_works_with_no_environment(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200  # no redirect to https on a bare checkout


@pytest.mark.django_db
def test_pages_carry_the_security_headers(client):
    response = client.get("/admin/login/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_static_files_are_served_by_whitenoise_without_collectstatic(client):
    response = client.get("/static/admin/css/base.css")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)


TEMPLATE_DIRS = [
    path
    for path in BASE_DIR.glob("**/templates")
    if "node_modules" not in path.parts and ".venv" not in path.parts
]
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE
)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.IGNORECASE)


def test_no_template_needs_inline_script_which_the_content_security_policy_blocks():
    offenders = []
    for folder in TEMPLATE_DIRS:
        for template in folder.glob("**/*.html"):
            text = template.read_text(encoding="utf-8")
            if INLINE_SCRIPT.search(text) or INLINE_HANDLER.search(text):
                offenders.append(str(template.relative_to(BASE_DIR)))
    assert offenders == [], 'use a static .js file or <script nonce="{{ request.csp_nonce }}">'
