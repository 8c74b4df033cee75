"""Who may open a portal page: declared at the top of each view, never buried in its body.
(A resident's pages use residents/permissions.py: this module sits below every domain app.)"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied


class EmployerRequiredMixin(LoginRequiredMixin):
    """Only a user of one employer; sets self.employer. Others get 403."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.is_employer_user:
            raise PermissionDenied
        self.employer = request.user.employer
        return super().dispatch(request, *args, **kwargs)
