"""A per-client-address limit for pages that tell whether an account exists (sign-up says
"이미 가입된 이메일입니다"): residents need that answer, the limit keeps it from being used to
go through a list of addresses. Counted in the shared cache, so every web process shares it."""

import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from guro_jobs.security import client_ip

PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


def parse_rate(rate):
    """'20/hour' → (20, 3600)."""
    count, period = rate.split("/")
    return int(count), PERIODS[period.strip().lower()]


def limit_per_client_ip(scope, setting_name, methods=("POST",), template="accounts/too_many_requests.html"):
    """Refuse (429, a Korean page) a client address's requests beyond the rate in `setting_name`
    within one window; other methods (showing the empty form) are not counted."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                allowed, period = parse_rate(getattr(settings, setting_name))
                window = int(time.time() // period)
                key = f"ratelimit:{scope}:{client_ip(request)}:{window}"
                cache.add(key, 0, timeout=period + 5)
                if cache.incr(key) > allowed:
                    context = {"minutes": max(1, (period - int(time.time()) % period + 59) // 60)}
                    return render(request, template, context, status=429)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def minutes_until_allowed(scope, key, setting_name):
    """Count one request for `key` (hashed, so no email or phone sits in the cache) in `scope`;
    None while within the rate in `setting_name`, else the minutes until the window ends."""
    import hashlib

    allowed, period = parse_rate(getattr(settings, setting_name))
    window = int(time.time() // period)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{key}".encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}:{window}"
    cache.add(cache_key, 0, timeout=period + 5)
    if cache.incr(cache_key) > allowed:
        return max(1, (period - int(time.time()) % period + 59) // 60)
    return None
