"""Writing accounts: giving people their role."""

from django.contrib.auth.models import Group
from django.db import transaction

from accounts import roles
from accounts.models import User

# Roles that work in the admin site.
ADMIN_ROLES = {roles.DISTRICT_STAFF, roles.MANAGER, roles.PRIVACY_SUPERVISOR}


@transaction.atomic
def assign_role(*, user, role):
    """Put a user in a role group; staff-side roles may enter the admin."""
    if role not in roles.ROLE_LABELS:
        raise ValueError(f"unknown role {role!r}")
    user.groups.add(Group.objects.get(name=role))
    if role in ADMIN_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.__dict__.pop("role_names", None)
    return user


@transaction.atomic
def create_user_with_role(*, username, password, role, employer=None, **fields):
    """Create a login for one role (an employer user belongs to exactly one employer)."""
    user = User(username=username, employer=employer, **fields)
    user.set_password(password)
    user.save()
    return assign_role(user=user, role=role)
