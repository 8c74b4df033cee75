"""A resident applies to a vacancy from its page (vacancies:apply), and what the vacancy page shows a
resident: their application, or the consent form. employers owns the page but sits below placements."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from employers.views import VacancyDetailView
from placements.models import JobApplication
from placements.services import apply_with_provision_consent
from residents.forms import ProvisionConsentForm
from residents.permissions import ResidentRequiredMixin, resident_of
from residents.views import client_ip
from resumes import apply_choice


def vacancy_detail_context(request, vacancy):
    """The resident's application to this vacancy and the consent form (employers/page_extras.py)."""
    resident = resident_of(request.user)
    if resident is None:
        return {}
    application = JobApplication.objects.filter(resident=resident, vacancy=vacancy).first()
    return {
        "resident": resident,
        "application": application,
        "consent_form": ProvisionConsentForm(),
        "apply_options": [] if application else [apply_choice.render_choice(request, resident)],
    }


class VacancyApplyView(ResidentRequiredMixin, VacancyDetailView):
    """One-click apply; asks for the consent to provide data to employers if it is missing."""

    http_method_names = ["post"]

    def post(self, request, pk):
        self.object = vacancy = self.get_object()
        form = ProvisionConsentForm(request.POST)
        consent_given = form.is_valid()
        try:
            apply_with_provision_consent(
                resident=self.resident,
                vacancy=vacancy,
                consent_given=consent_given,
                ip_address=client_ip(request),
                resume=apply_choice.chosen_resume(request, self.resident),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):  # the consent box was left empty: show it again, with its error
                return self.render_to_response(self.get_context_data(consent_form=form), status=400)
            for message in error.messages:
                messages.error(request, message)
            return redirect("vacancies:detail", pk=vacancy.pk)
        messages.success(request, _("지원했습니다. 진행 상황은 내 정보에서 볼 수 있습니다."))
        return redirect("vacancies:detail", pk=vacancy.pk)
