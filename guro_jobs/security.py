"""Login security helpers: the client's address for throttling, and the second factor staff and
managers must verify."""

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
    """Staff and managers (everyone who may enter the admin) must verify a TOTP device in every
    session; residents and employers sign in with the password alone."""
    return bool(user.is_authenticated and (user.is_staff or user.is_superuser))


def has_enrolled_device(user):
    return user_has_device(user, confirmed=True)


def is_verified(user):
    # django-otp's middleware gives the session's user is_verified(); a token's user has none.
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def is_fully_authenticated(user):
    return not needs_second_factor(user) or is_verified(user)
