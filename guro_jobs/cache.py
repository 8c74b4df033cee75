"""The shared cache (Redis) that API throttles, sign-up limits and other per-client counters use,
so every gunicorn worker and every web machine counts against the same limit."""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)


def _redis_errors():
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class ClientReusingRedisCacheClient(RedisCacheClient):
    """Django's client of the cache's Redis, with one redis.Redis kept per connection pool instead of
    one built per cache call: redis-py fills a new instance's response callbacks, which cost more
    CPU than a small GET's round trip (a cached page's one read of its version). A redis.Redis is
    safe to share between threads, and its pool starts afresh in a forked worker."""

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        clients = self.__dict__.setdefault("_clients", {})
        if index not in clients:
            clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return clients[index]


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, except that while Redis is unreachable a read finds nothing and a write
    is dropped (logged): the pages keep answering, only the counters start afresh (docs/DEPLOY.md)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ClientReusingRedisCacheClient

    def _tolerant(self, method, default, *args, **kwargs):
        try:
            return getattr(super(), method)(*args, **kwargs)
        except _redis_errors() as error:
            logger.warning("cache unavailable (%s): %s", method, error)
            return default

    def get(self, key, default=None, version=None):
        return self._tolerant("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant("add", False, key, value, timeout, version)

    def delete(self, key, version=None):
        return self._tolerant("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._tolerant("get_many", {}, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._tolerant("incr", delta, key, delta, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant("touch", False, key, timeout, version)

    def has_key(self, key, version=None):
        return self._tolerant("has_key", False, key, version)


_MISSING = object()


class WorkerMemoryRedisCache(ResilientRedisCache):
    """The shared cache with what this worker last read or wrote also kept in its memory for
    ``WORKER_SECONDS`` (default 30): for fragments that only ever expire, never deleted on a change
    (the admin's sidebar, a staff list's filters), where a round trip to Redis on every page was a
    tenth of a staff list's time. A fragment may so be shown up to that long after Redis let it go."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.worker_seconds = options.pop("WORKER_SECONDS", 30)
        self.worker_entries = options.pop("WORKER_ENTRIES", 256)
        super().__init__(server, {**params, "OPTIONS": options})
        self._memory = {}

    def _keep(self, key, version, value, timeout):
        seconds = (
            self.worker_seconds if timeout in (DEFAULT_TIMEOUT, None) else min(timeout, self.worker_seconds)
        )
        if len(self._memory) >= self.worker_entries:
            self._memory.clear()
        self._memory[(key, version)] = (time.monotonic() + seconds, value)

    def get(self, key, default=None, version=None):
        kept = self._memory.get((key, version))
        if kept is not None and kept[0] > time.monotonic():
            return kept[1]
        value = super().get(key, _MISSING, version)
        if value is _MISSING:
            return default
        self._keep(key, version, value, DEFAULT_TIMEOUT)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        super().set(key, value, timeout, version)
        if timeout is None or timeout == DEFAULT_TIMEOUT or timeout > 0:
            self._keep(key, version, value, timeout)

    def delete(self, key, version=None):
        self._memory.pop((key, version), None)
        return super().delete(key, version)

    def clear(self):
        self._memory.clear()
        return super().clear()
