from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from programs import selectors, services
from programs.eligibility import check_eligibility
from programs.models import ProgramApplication
from residents.permissions import ResidentRequiredMixin, resident_of


class ProgramListView(ListView):
    template_name = "programs/list.html"
    context_object_name = "programs"

    def get_queryset(self):
        programs = list(selectors.public_programs())
        for program in programs:
            program.places_left = selectors.places_left(program)
            program.accepting = services.is_accepting_applications(program)
        return programs


class ProgramDetailView(DetailView):
    template_name = "programs/detail.html"
    context_object_name = "program"

    def get_queryset(self):
        return selectors.public_programs()

    def get_context_data(self, **kwargs):
        program = self.object
        context = {
            "places_left": selectors.places_left(program),
            "accepting": services.is_accepting_applications(program),
        }
        resident = resident_of(self.request.user)
        if resident is not None:
            context["resident"] = resident
            context["eligibility"] = check_eligibility(program=program, resident=resident)
            context["application"] = ProgramApplication.objects.filter(
                resident=resident, program=program
            ).first()
            context["actions"] = selectors.resident_program_actions(
                context["application"], accepting=context["accepting"]
            )
        return super().get_context_data(**context, **kwargs)


class ProgramActionView(ResidentRequiredMixin, DetailView):
    """POST only: apply to a program or withdraw one's own application."""

    http_method_names = ["post"]

    def get_queryset(self):
        return selectors.public_programs()

    def post(self, request, pk, action):
        program = self.get_object()
        try:
            if action == "apply":
                application = services.apply_to_program(
                    resident=self.resident, program=program, by=request.user
                )
                messages.success(
                    request,
                    _("신청했습니다. 현재 상태: %(status)s") % {"status": application.get_status_display()},
                )
            else:
                application = get_object_or_404(ProgramApplication, resident=self.resident, program=program)
                services.withdraw_program_application(application=application, by=request.user)
                messages.success(request, _("신청을 취소했습니다."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("programs:detail", pk=program.pk)
