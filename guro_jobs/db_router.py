"""Reads from a PostgreSQL read replica where stale-by-a-second is fine; everything else on the primary.

With DATABASE_REPLICA_URL set (a hot standby), the views named in REPLICA_READ_VIEWS (dashboards,
exports, public pages) read from the `replica` alias. They read from the primary instead when

- the browser wrote something in the last REPLICA_PIN_SECONDS (a cookie set after every write), so
  a user always sees their own change, or the request itself has written;
- the standby replays more than REPLICA_MAX_LAG_SECONDS behind the primary, or cannot be reached
  (checked at most every REPLICA_CHECK_SECONDS per process);
- a query on the standby fails mid-request: the view is run again on the primary.

Every write goes to the primary. Celery tasks, the admin and a user's own pages always read the
primary. Sessions, login throttling and two-factor devices are never read from the replica.
"""

import contextvars
import logging
import time
from dataclasses import dataclass
from fnmatch import fnmatchcase

from django.conf import settings
from django.db import Error as DatabaseError
from django.db import connections

logger = logging.getLogger(__name__)

PRIMARY = "default"
REPLICA = "replica"
PIN_COOKIE = "guro_primary_until"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Always on the primary: who the user is and may do (a deactivated account is out at once), the
# session, login throttling and two-factor devices.
PRIMARY_ONLY_APPS = {
    "accounts",
    "auth",
    "sessions",
    "axes",
    "otp_totp",
    "otp_static",
    "django_otp",
    "authtoken",
}
# Writes that change nothing the user will read next (session touches, the access log).
NON_PINNING_APPS = {"sessions", "axes", "audit"}

# How far (seconds) the standby's replay is behind; 0 when it has replayed all it received.
LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
    ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())
END
"""


@dataclass
class ReadState:
    use_replica: bool = False
    wrote: bool = False


_state = contextvars.ContextVar("guro_db_read_state", default=None)


@dataclass
class _Health:
    checked_at: float = float("-inf")
    usable: bool | None = None  # None: not checked yet
    lag: float | None = None


_health = _Health()


def replica_configured():
    return REPLICA in connections.settings


def replica_lag():
    """Seconds the standby is behind (None: unknown), or raise DatabaseError when it is down."""
    connection = connections[REPLICA]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute("SELECT 0")
        else:
            cursor.execute(LAG_SQL)
        value = cursor.fetchone()[0]
    return None if value is None else float(value)


def replica_usable():
    """Whether reads may go to the replica now (cached for REPLICA_CHECK_SECONDS)."""
    if not replica_configured():
        return False
    now = time.monotonic()
    if now - _health.checked_at < settings.REPLICA_CHECK_SECONDS:
        return bool(_health.usable)
    try:
        lag = replica_lag()
    except Exception as error:  # down, refused, misconfigured: a health check never raises
        _close_replica()
        lag, usable, problem = None, False, f"unreachable ({error})".strip()
    else:
        usable = lag is not None and lag <= settings.REPLICA_MAX_LAG_SECONDS
        problem = None if usable else f"{lag} s behind"
    if usable != _health.usable:  # say it once when it changes, not on every check
        if usable:
            logger.info("read replica usable again (%s s behind)", lag)
        else:
            logger.warning("read replica %s, reading from the primary", problem)
    _health.checked_at, _health.usable, _health.lag = now, usable, lag
    return usable


def mark_replica_down():
    _health.checked_at, _health.usable = time.monotonic(), False
    _close_replica()


def reset_replica_health():
    """Forget the last check (tests, and after a configuration change)."""
    _health.checked_at, _health.usable, _health.lag = float("-inf"), None, None


def _close_replica():
    if replica_configured():
        try:
            connections[REPLICA].close()
        except DatabaseError:
            pass


def reading_from_replica():
    """True while the current request reads from the replica (guro_jobs/page_cache.py asks)."""
    state = _state.get()
    return bool(state is not None and state.use_replica and not state.wrote)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        state = _state.get()
        if (
            state is not None
            and state.use_replica
            and not state.wrote
            and model._meta.app_label not in PRIMARY_ONLY_APPS
        ):
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints):
        state = _state.get()
        if state is not None and model._meta.app_label not in NON_PINNING_APPS:
            state.wrote = True  # later reads in this request, and this browser's next pages: primary
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA, None}

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return False if db == REPLICA else None


def _view_reads_from_replica(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    return any(fnmatchcase(match.view_name, pattern) for pattern in settings.REPLICA_READ_VIEWS)


def _pinned(request):
    try:
        return float(request.COOKIES.get(PIN_COOKIE, "0")) > time.time()
    except ValueError:
        return False


class ReplicaReadMiddleware:
    """Chooses primary or replica per request (see the module docstring) and pins a browser to the
    primary for REPLICA_PIN_SECONDS after it wrote."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        state = ReadState()
        token = _state.set(state)
        try:
            response = self.get_response(request)
        finally:
            _state.reset(token)
        if state.wrote and replica_configured():
            seconds = settings.REPLICA_PIN_SECONDS
            response.set_cookie(
                PIN_COOKIE,
                str(int(time.time()) + seconds),
                max_age=seconds,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        state = _state.get()
        if state is None or not _view_reads_from_replica(request) or _pinned(request):
            return None
        if replica_usable():
            state.use_replica = True
            request._replica_view = (view_func, view_args, view_kwargs)
        return None

    def process_exception(self, request, exception):
        """The standby failed mid-request (down, or a query cancelled by replay): run the view
        again on the primary, unless it has already written."""
        state = _state.get()
        view = getattr(request, "_replica_view", None)
        if state is None or not state.use_replica or view is None or not isinstance(exception, DatabaseError):
            return None
        if state.wrote:  # running it again could write twice; let the error stand
            return None
        logger.warning("read replica failed during %s, reading from the primary: %s", request.path, exception)
        mark_replica_down()
        state.use_replica = False
        request._replica_view = None
        view_func, view_args, view_kwargs = view
        response = view_func(request, *view_args, **view_kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        return response
