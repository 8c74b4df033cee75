"""Staff sessions: idle timeout and the mandatory second factor; and the Permissions-Policy header."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from guro_jobs.security import is_verified, needs_second_factor

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


class SecondFactorRequiredMiddleware:
    """Every staff and manager session must have verified a TOTP device before it reaches any page
    or the API (a password alone is not enough anywhere): pages redirect to the enrolment or code
    page, the API answers 403. Requests signed with an API token are left to the token check."""

    # What a session that still owes its second factor may open.
    ALLOWED_URL_NAMES = ["accounts:second_factor", "accounts:logout", "admin:login", "admin:logout"]
    ALWAYS_OPEN_PREFIXES = ("/static/", "/i18n/", "/healthz", "/ops/ping", "/favicon.ico")

    def __init__(self, get_response):
        self.get_response = get_response
        self._allowed_paths = None

    def allowed_paths(self):
        if self._allowed_paths is None:
            self._allowed_paths = {reverse(name) for name in self.ALLOWED_URL_NAMES}
        return self._allowed_paths

    @staticmethod
    def signed_with_api_token(request):
        # DRF's token check then either accepts the token or answers 401; it never falls back to
        # the session, so passing such a request on cannot open the API to an unverified session.
        header = request.META.get("HTTP_AUTHORIZATION", "")
        return request.path.startswith("/api/") and header.split(" ", 1)[0] == "Token"

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and needs_second_factor(user)
            and not is_verified(user)
            and not self.signed_with_api_token(request)
            and not request.path.startswith(self.ALWAYS_OPEN_PREFIXES)
            and request.path not in self.allowed_paths()
        ):
            if request.path.startswith("/api/"):
                message = _(
                    "2단계 인증을 마친 직원·관리자 세션만 사용할 수 있습니다. 먼저 인증 코드를 입력해 주세요."
                )
                return JsonResponse({"detail": message}, status=403)
            target = reverse("accounts:second_factor")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
