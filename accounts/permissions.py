"""Who may do what in the API: one role per request, and one permission class that reads it.

A viewset declares which roles may read (`read_roles`), which may write (`write_roles`) and, for
its extra actions, `action_roles`. Which rows a role sees is decided by the viewset's queryset, so
another person's record is a 404, never a glimpse.
"""

from rest_framework.permissions import BasePermission

ANONYMOUS = "anonymous"
RESIDENT = "resident"
EMPLOYER = "employer"
MANAGER = "manager"
STAFF = "staff"

SIGNED_IN = frozenset({RESIDENT, EMPLOYER, MANAGER, STAFF})
EVERYONE = SIGNED_IN | {ANONYMOUS}

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def role_of(user):
    """The one role a request acts in; staff outrank managers, who outrank employers and residents."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    if user.is_district_staff:
        return STAFF
    if user.is_manager:
        return MANAGER
    if user.is_employer_user:
        return EMPLOYER
    if user.is_resident_user and hasattr(user, "resident"):
        return RESIDENT
    return None


def request_role(request):
    """The role, worked out once per request."""
    if not hasattr(request, "_portal_role"):
        request._portal_role = role_of(request.user)
    return request._portal_role


class RolePermission(BasePermission):
    """Allows a request when its role is among those the view names for the action or method."""

    def has_permission(self, request, view):
        action_roles = getattr(view, "action_roles", {})
        action = getattr(view, "action", None)
        if action in action_roles:
            allowed = action_roles[action]
        elif request.method in SAFE_METHODS:
            allowed = getattr(view, "read_roles", frozenset())
        else:
            allowed = getattr(view, "write_roles", frozenset())
        return request_role(request) in allowed
