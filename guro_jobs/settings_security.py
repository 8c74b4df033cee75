"""HTTPS, cookies, security headers, the Content-Security-Policy, login throttling and password reset
limits; guro_jobs/settings.py takes them all.
Every value comes from the environment, with production defaults when PRODUCTION=true."""

import os
from datetime import timedelta

from csp.constants import NONCE, NONE, SELF

from guro_jobs.env import PRODUCTION, env_bool

# Behind the reverse proxy (docs/DEPLOY.md) the proxy sets X-Forwarded-Proto; only trust it there.
if env_bool("BEHIND_PROXY", default=PRODUCTION):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^ops/ping$"]  # load balancer probes may speak plain http
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(31_536_000 if PRODUCTION else 0)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=PRODUCTION)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=PRODUCTION)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=PRODUCTION)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(14 * 24 * 3600)))
# Staff are logged out after this many idle minutes (guro_jobs/middleware.py); residents are not.
STAFF_SESSION_IDLE_MINUTES = int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", "30"))

# Content-Security-Policy (django-csp): no inline script; a page that needs one uses
# <script nonce="{{ request.csp_nonce }}">. No inline style either: use static CSS files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Login throttling (django-axes) on every login path: after LOGIN_FAILURE_LIMIT failures for one
# account (from any address) that account is locked for LOGIN_LOCKOUT_MINUTES.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
# One count per account (whatever spelling of its email or phone is typed: accounts/lockout.py)
# and one per client address, which locks the address after LOGIN_IP_FAILURE_LIMIT failures.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "accounts.lockout.login_identity"
AXES_HANDLER = "accounts.lockout.LoginLockoutHandler"
LOGIN_IP_FAILURE_LIMIT = int(os.environ.get("LOGIN_IP_FAILURE_LIMIT", "30"))
# Sign-up tells whether an email or phone already has an account; at most this many sign-up
# submissions per client address (accounts/ratelimit.py, counted in the shared cache).
SIGNUP_RATE_LIMIT = os.environ.get("SIGNUP_RATE_LIMIT", "20/hour")
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "guro_jobs.views.login_locked_out"
AXES_CLIENT_IP_CALLABLE = "guro_jobs.security.client_ip"
# How many reverse proxies in front of gunicorn append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1" if PRODUCTION else "0"))

# Password reset (accounts/password_reset.py): a text code lives this many minutes and allows this
# many tries; requests are limited per client address and per email or phone typed.
PASSWORD_RESET_CODE_MINUTES = int(os.environ.get("PASSWORD_RESET_CODE_MINUTES", "10"))
PASSWORD_RESET_CODE_TRIES = int(os.environ.get("PASSWORD_RESET_CODE_TRIES", "5"))
# Confirming the mobile number an account gives for its notices (notifications/phone_confirmation.py).
PHONE_CONFIRMATION_MINUTES = int(os.environ.get("PHONE_CONFIRMATION_MINUTES", "10"))
PHONE_CONFIRMATION_TRIES = int(os.environ.get("PHONE_CONFIRMATION_TRIES", "5"))
PHONE_CONFIRMATION_PER_DAY = int(os.environ.get("PHONE_CONFIRMATION_PER_DAY", "5"))
PASSWORD_RESET_RATE_LIMIT = os.environ.get("PASSWORD_RESET_RATE_LIMIT", "10/hour")
PASSWORD_RESET_IDENTITY_RATE_LIMIT = os.environ.get("PASSWORD_RESET_IDENTITY_RATE_LIMIT", "3/hour")
PASSWORD_RESET_CODE_RATE_LIMIT = os.environ.get("PASSWORD_RESET_CODE_RATE_LIMIT", "30/hour")
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(60 * 60)))  # the mail link: 1 hour
