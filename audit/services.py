"""Writing the personal-data access log. Every admin page and command that touches residents'
records calls log_access; nothing in the portal updates or deletes an entry."""

from audit.models import PersonalDataAccess


def client_ip(request):
    """The address the request came from. Behind the reverse proxy, REMOTE_ADDR is set from the
    proxy's X-Forwarded-For by the server configuration (docs/DEPLOY.md), not read here."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def log_access(*, action, request=None, account=None, resident=None, target="", detail="", row_count=None):
    """Record one access to personal data (who, when, from where, whose record, what was done)."""
    account = account if account is not None else getattr(request, "user", None)
    if account is not None and not account.is_authenticated:
        account = None
    return PersonalDataAccess.objects.create(
        account=account,
        account_label=account.get_username() if account else "(system)",
        ip_address=client_ip(request),
        resident=resident,
        resident_label=str(resident) if resident is not None else "",
        action=action,
        target=str(target),
        detail=str(detail),
        row_count=row_count,
    )
