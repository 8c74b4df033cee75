"""`make test` without Chromium: the browser journeys are skipped with one line naming the package
locally, and are an error in CI (CI=true), where they must run."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
JOURNEYS = "tests/browser/test_journeys.py"


def run_browser_tests_without_chromium(ci):
    env = {**os.environ, "CHROMIUM_PATH": "/nonexistent/chromium"}
    env.pop("CI", None)
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rs", JOURNEYS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_without_chromium_browser_tests_are_skipped_locally_with_the_package_to_install():
    result = run_browser_tests_without_chromium(ci=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "error" not in output.splitlines()[-1].lower(), output
    assert "skipped" in output.splitlines()[-1]
    assert "apt-get install chromium" in output


def test_without_chromium_browser_tests_are_an_error_in_ci():
    result = run_browser_tests_without_chromium(ci=True)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "CI must run browser tests" in output and "apt-get install chromium" in output
