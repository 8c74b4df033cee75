"""Headless Chromium (Debian's package) driven by Playwright against pytest-django's live server."""

import os
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


IN_CI = os.environ.get("CI", "").lower() == "true"


def chromium_missing_reason():
    """Why the browser journeys cannot run here (one line naming what to install), or None."""
    if not Path(CHROMIUM).exists():
        return f"browser tests need Chromium at {CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "browser tests need Playwright: pip install -r requirements.txt"
    return None


def pytest_collection_modifyitems(config, items):
    """Browser journeys are skipped where Chromium is missing, with one reason; in CI (CI=true) they
    must run, so a missing Chromium is an error there, as for the `services` tests."""
    browser_items = [item for item in items if "browser" in item.keywords]
    if not browser_items:
        return
    reason = chromium_missing_reason()
    if reason is None:
        return
    if IN_CI:
        raise pytest.UsageError(f"CI must run browser tests, but {reason}")
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="module", autouse=True)
def allow_orm_beside_playwright():
    """Playwright's sync API runs an event loop in this thread; the test's own ORM calls (and the
    database teardown) are still plain synchronous code, so Django's async-safety guard is told
    so, for the browser modules only (set for the whole session it would leak into
    `check --deploy`, which rightly refuses it)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def initial_data(django_db_setup, django_db_blocker):
    """The reference data of the data migrations, serialized before Playwright starts.

    Playwright's sync API runs the test in a greenlet with its own context, where Django hands
    out a fresh connection object that lacks the serialized contents `serialized_rollback`
    needs; so the contents are captured here and restored by `reference_data`.
    """
    from django.db import connection

    return getattr(connection, "_test_serialized_contents", None)


@pytest.fixture
def reference_data(initial_data, live_server, django_db_blocker):
    """Make sure dongs, occupations, programs and role groups exist (a flush removed them)."""
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    from references.models import AdministrativeDong

    with django_db_blocker.unblock():
        if not AdministrativeDong.objects.exists():
            assert initial_data, "the test database was not serialized (serialized_rollback marker missing)"
            # The previous test's flush re-ran post_migrate (groups, permissions); start clean.
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            connection.creation.deserialize_db_from_string(initial_data)
            # flush restarted the id sequences; move them past the restored rows' ids.
            statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)


@pytest.fixture(scope="module")
def browser(initial_data):
    from playwright.sync_api import sync_playwright

    reason = chromium_missing_reason()
    if reason is not None:  # collection skipped these already; reached only when called directly
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server, reference_data):
    """Open a fresh browser session (its own cookies) on the live server."""
    contexts = []

    def open_page(width=1280, height=900):
        context = browser.new_context(
            base_url=live_server.url, locale="ko-KR", viewport={"width": width, "height": height}
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name):
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    return take
