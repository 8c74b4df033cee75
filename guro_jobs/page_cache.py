"""A shared cache (Redis) of the HTML fragments that public pages repeat for every visitor: the
vacancy search's form and results, the dashboard's figures. Never for anything personal: a
fragment holds only what every visitor of that page sees (no names of people, no CSRF token, no
"my" anything), and the access log is written by the views, never skipped by a cached answer.

A fragment's key is (namespace, version, language, the parts the caller gives). A namespace's
version is a value in the cache that `changed(namespace)` replaces after the current transaction
commits, so every fragment of that namespace is out of use at once, on every machine. While the
cache is unreachable nothing is cached and the pages render as without it.

A page that reads from the read replica keeps nothing and reads nothing kept (unless the fragment is
determined by its key, as a stored snapshot's figures are): a lagging replica could draw the old
rows after the version changed, and a visitor of the replica sees what the replica holds, as
without the cache. With a replica, the replica takes the public pages' load instead.

PAGE_CACHE_SECONDS=0 switches the cache off (the load test's cold figures).
"""

import hashlib
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language

from guro_jobs.db_router import reading_from_replica

PREFIX = "page-cache"


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def _version_key(namespace):
    return f"{PREFIX}:{namespace}:version"


def version(namespace):
    """The namespace's current version, or None while the cache cannot be reached."""
    key = _version_key(namespace)
    current = cache.get(key)
    if current is None:
        cache.add(key, time.time_ns(), None)
        current = cache.get(key)
    return current


def changed(namespace):
    """Every fragment of `namespace` goes out of use now, and again when the current transaction
    commits (a page drawn in between, from the rows before the commit, is dropped that way). One
    after-commit callback per transaction and namespace, however many rows it writes."""
    _used.add(namespace)
    key = _version_key(namespace)
    cache.set(key, time.time_ns(), None)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return  # autocommit: the write is already committed
    outermost = connection.atomic_blocks[0]
    scheduled = outermost.__dict__.setdefault("_page_cache_scheduled", set())
    if namespace not in scheduled:
        scheduled.add(namespace)
        transaction.on_commit(lambda: cache.set(key, time.time_ns(), None))


def forget_all():
    """Put every namespace used in this process out of use (tests start each from nothing)."""
    cache.delete_many([_version_key(namespace) for namespace in _used])
    _local.clear()


_used = set()


def fragment_key(namespace, *parts, determined_by_parts=False):
    """The key of one fragment, or None when nothing may be cached now (off, no cache, or a page
    read from the replica: see the module's docstring). `determined_by_parts`: the fragment
    follows from the parts alone (a stored snapshot's id and time), whichever database read them."""
    if not enabled():
        return None
    if reading_from_replica() and not determined_by_parts:
        return None
    _used.add(namespace)
    current = version(namespace)
    if current is None:
        return None
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()[:32]
    return f"{PREFIX}:{namespace}:{current}:{get_language()}:{digest}"


def read(key):
    """The kept fragment(s) under `key`, or None. A worker remembers what it last read or kept
    (the key carries the version, so a change is never missed): a hit then costs one round trip
    to Redis (the version), not two and the fragment's bytes."""
    if not key:
        return None
    remembered = _local.get(key)
    if remembered is not None and remembered[0] > time.monotonic():
        return remembered[1]
    value = cache.get(key)
    if value is not None:
        _remember(key, value)
    return value


def keep(key, value):
    """Keep `value` under `key` for PAGE_CACHE_SECONDS."""
    if not key:
        return
    cache.set(key, value, _seconds(key))
    _remember(key, value)


def _seconds(key):
    return settings.PAGE_CACHE_SECONDS


LOCAL_ENTRIES = 256
_local = OrderedDict()


def _remember(key, value):
    _local[key] = (time.monotonic() + _seconds(key), value)
    _local.move_to_end(key)
    while len(_local) > LOCAL_ENTRIES:
        _local.popitem(last=False)
