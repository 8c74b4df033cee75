"""Staff sessions end after STAFF_SESSION_IDLE_MINUTES without a request; residents keep theirs."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

LAST_SEEN_KEY = "staff_last_seen"
# The last-seen time is written at most once a minute, so most requests do not save the session.
LAST_SEEN_RESOLUTION_SECONDS = 60


class StaffIdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            idle_seconds = settings.STAFF_SESSION_IDLE_MINUTES * 60
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY)
            if last_seen is not None and now - last_seen > idle_seconds:
                logout(request)
                messages.info(request, _("오랫동안 사용하지 않아 안전을 위해 로그아웃되었습니다."))
            elif last_seen is None or now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS:
                request.session[LAST_SEEN_KEY] = now
                # The cookie and the stored session also expire after the idle time.
                request.session.set_expiry(idle_seconds)
        return self.get_response(request)


# The portal uses no camera, microphone, location, payment or USB; no page (or frame) may ask.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class PermissionsPolicyMiddleware:
    """Adds Permissions-Policy to every answer (Django has no setting for it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
