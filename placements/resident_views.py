"""The resident's own job applications on their page (/me/): the panel, and withdrawing one.
The URL name stays `residents:withdraw_job_application` (placements/resident_urls.py, added to that
namespace by guro_jobs/urls.py); residents sits below placements."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import View

from placements import selectors
from placements.services import withdraw_job_application
from residents.permissions import ResidentRequiredMixin


class WithdrawJobApplicationView(ResidentRequiredMixin, View):
    """POST only: the resident withdraws one of their own job applications before a hire."""

    def post(self, request, pk):
        application = get_object_or_404(selectors.job_applications_of(self.resident), pk=pk)
        try:
            withdraw_job_application(application=application, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("'%(title)s' 지원을 취소했습니다.") % {"title": application.vacancy.title}
            )
        return redirect(f"{reverse('residents:me')}#job-applications")
