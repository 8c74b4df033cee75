"""Who may open a resident's page: declared at the top of each view, never buried in its body."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied

from residents.models import Resident


def resident_of(user):
    """The Resident record of a logged-in resident user, or None."""
    if not user.is_authenticated or not user.is_resident_user:
        return None
    return Resident.objects.filter(user=user, anonymised_at__isnull=True).select_related("dong").first()


def resident_of_request(request):
    """resident_of(request.user), read once per request: a page whose parts each ask (the vacancy
    search's save-search form, career filter and 관심 공고 buttons) costs one query, not three."""
    if not hasattr(request, "_resident_of_user"):
        request._resident_of_user = resident_of(request.user)
    return request._resident_of_user


class ResidentRequiredMixin(LoginRequiredMixin):
    """Only a resident with their own record; sets self.resident. Others get 403."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.resident = resident_of(request.user)
        if self.resident is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
