"""Login lockout (django-axes) by the account, not by what was typed: `Resident@Example.KR` and
`resident@example.kr`, or `+82 10-8249-5036` and `01082495036`, are one identity with one count.
A second count per client address stops one address from trying many accounts."""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Sum

from accounts.backends import find_user_by_login
from guro_jobs.validators import normalize_phone

IDENTITY_CACHE_ATTRIBUTE = "_login_identities"


def normal_login_form(identifier):
    """The spelling-independent form of what was typed: an email case-folded, a phone normalised."""
    identifier = (identifier or "").strip()
    if "@" in identifier:
        return identifier.casefold()
    try:
        return normalize_phone(identifier)
    except ValidationError:
        return identifier.casefold()


def login_identity(request, credentials=None):
    """AXES_USERNAME_CALLABLE: the account's username when the login names an account, else the
    normal form of what was typed (so unknown names are counted too, whatever their spelling)."""
    if credentials:
        typed = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        data = getattr(request, "data", None) or getattr(request, "POST", {})
        typed = data.get(settings.AXES_USERNAME_FORM_FIELD)
    if typed is None:
        return None
    # axes asks several times per request; look the account up once.
    known = getattr(request, IDENTITY_CACHE_ATTRIBUTE, None)
    if known is None:
        known = {}
        if request is not None:
            setattr(request, IDENTITY_CACHE_ATTRIBUTE, known)
    if typed not in known:
        user = find_user_by_login(typed)
        known[typed] = user.get_username() if user is not None else normal_login_form(typed)
    return known[typed]


class LoginLockoutHandler(AxesDatabaseHandler):
    """The database handler (one count for every web process and machine), with two limits:
    LOGIN_FAILURE_LIMIT failures for one identity from anywhere, or LOGIN_IP_FAILURE_LIMIT
    failures from one client address over any identities. AXES_LOCKOUT_PARAMETERS lists the
    identity first and the address second."""

    def get_failures(self, request, credentials=None):
        by_identity, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if by_address >= settings.LOGIN_IP_FAILURE_LIMIT:
            # Reported as the identity limit, which is what axes compares with.
            return max(by_identity, settings.AXES_FAILURE_LIMIT)
        return by_identity

    def reset_user_attempts(self, request, credentials=None):
        """A successful login clears its own account's failures only, not the address's count
        (else signing in to one's own account would reset the tries on others)."""
        identity_attempts = self.filter_user_attempts(request, credentials)[0]
        count, _ = identity_attempts.delete()
        return count
