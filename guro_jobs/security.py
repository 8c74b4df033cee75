"""Login security helpers: the client's address for throttling, and staff two-factor state."""

from django.conf import settings
from django_otp import user_has_device


def client_ip(request):
    """The address login throttling counts. Behind TRUSTED_PROXY_COUNT proxies it is the entry the
    outermost trusted proxy appended to X-Forwarded-For, which a client cannot forge."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def needs_second_factor(user):
    """Staff who enrolled a confirmed TOTP device must verify it; everyone else needs only a password."""
    return bool(user.is_authenticated and user.is_staff and user_has_device(user, confirmed=True))


def is_fully_authenticated(user):
    return not needs_second_factor(user) or user.is_verified()
