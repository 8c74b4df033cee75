"""The shared cache (Redis) that API throttles, sign-up limits and other per-client counters use,
so every gunicorn worker and every web machine counts against the same limit."""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)


def _redis_errors():
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, except that while Redis is unreachable a read finds nothing and a write
    is dropped (logged): the pages keep answering, only the counters start afresh (docs/DEPLOY.md)."""

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
