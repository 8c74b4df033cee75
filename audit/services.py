"""Writing the personal-data access log. Every admin page, API read and command that touches
residents' records calls log_access; nothing in the portal updates or deletes an entry."""

import getpass
import ipaddress
import socket

from audit.models import PersonalDataAccess
from guro_jobs.security import client_ip as request_client_ip


def client_ip(request):
    """The client's address as login throttling counts it (guro_jobs.security.client_ip: behind
    TRUSTED_PROXY_COUNT proxies, the entry the outermost trusted proxy added), or None."""
    if request is None:
        return None
    address = request_client_ip(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def shell_account_label():
    """Who ran a management command: the operating-system user and the host, e.g. "deploy@web1"."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment or password database
        user = "?"
    return f"{user}@{socket.gethostname()}"


def log_access(
    *,
    action,
    request=None,
    account=None,
    account_label=None,
    resident=None,
    target="",
    detail="",
    row_count=None,
):
    """Record one access to personal data (who, when, from where, whose record, what was done).

    account_label names who acted when no portal account did (a command run from the shell)."""
    account = account if account is not None else getattr(request, "user", None)
    if account is not None and not account.is_authenticated:
        account = None
    return PersonalDataAccess.objects.create(
        account=account,
        account_label=account.get_username() if account else (account_label or "(system)"),
        ip_address=client_ip(request),
        resident=resident,
        resident_label=str(resident) if resident is not None else "",
        action=action,
        target=str(target),
        detail=str(detail),
        row_count=row_count,
    )
