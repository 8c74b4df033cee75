"""Log in with an email address or a mobile number (any common spelling of it) and a password."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db.models import Q

from guro_jobs.validators import normalize_phone


def find_user_by_login(identifier):
    """The one active account an email or phone number points to, or None."""
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    User = get_user_model()
    if "@" in identifier:
        condition = Q(username__iexact=identifier) | Q(email__iexact=identifier)
    else:
        try:
            phone = normalize_phone(identifier)
        except ValidationError:
            condition = Q(username=identifier)
        else:
            condition = Q(username=phone) | Q(resident__phone=phone)
    matches = list(User.objects.filter(condition).distinct()[:2])
    return matches[0] if len(matches) == 1 else None


class EmailOrPhoneBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if not username or password is None:
            return None
        user = find_user_by_login(username)
        if user is None:
            # Same cost as a real check, so timing does not reveal which accounts exist.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
