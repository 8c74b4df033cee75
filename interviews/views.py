"""Interview pages: the employer proposes and changes, the applicant answers; both read the detail."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from guro_jobs.permissions import EmployerRequiredMixin
from interviews import selectors, services
from interviews.forms import CancelInterviewForm, InterviewForm, InterviewResponseForm
from interviews.ics import booking_ics, interview_ics
from interviews.models import Booking, HiringEvent, Interview, TimeSlot
from placements import selectors as application_selectors
from residents.permissions import ResidentRequiredMixin
from residents.views import add_form_error


class ProposeInterviewView(EmployerRequiredMixin, FormView):
    """From the applicant list: the employer proposes an interview on one of its applications."""

    template_name = "interviews/interview_form.html"
    form_class = InterviewForm

    @cached_property
    def application(self):
        return get_object_or_404(
            application_selectors.applications_visible_to(self.employer), pk=self.kwargs["pk"]
        )

    def get(self, request, *args, **kwargs):
        active = self.application.interviews.filter(status__in=Interview.ACTIVE).first()
        if active:  # one interview at a time: show the one in progress
            return redirect("interviews:detail", pk=active.pk)
        return super().get(request, *args, **kwargs)

    def get_initial(self):
        user = self.request.user
        return {
            "contact_name": user.get_full_name() or self.employer.name,
            "contact_phone": self.employer.phone,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.application, interview=None, **kwargs)

    def form_valid(self, form):
        try:
            interview = services.propose_interview(
                application=self.application, by=self.request.user, **form.details()
            )
        except ValidationError as error:
            add_form_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s님에게 면접 일정을 보냈습니다.") % {"name": self.application.resident.name},
        )
        return redirect("interviews:detail", pk=interview.pk)


class InterviewAccessMixin(LoginRequiredMixin):
    """The interview from the URL, for its applicant or its employer's users; anyone else gets a 404."""

    @cached_property
    def interview(self):
        user = self.request.user
        if user.is_employer_user:
            queryset = selectors.interviews_visible_to_employer(user.employer)
        elif user.is_resident_user and hasattr(user, "resident"):
            queryset = selectors.interviews_of_resident(user.resident)
        else:
            raise Http404
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    @property
    def as_employer(self):
        return self.request.user.is_employer_user


class InterviewDetailView(InterviewAccessMixin, TemplateView):
    template_name = "interviews/interview_detail.html"

    def get_context_data(self, **kwargs):
        interview = self.interview
        return super().get_context_data(
            interview=interview,
            application=interview.application,
            changes=interview.changes.order_by("occurred_at", "id"),
            as_employer=self.as_employer,
            response_form=InterviewResponseForm() if not self.as_employer else None,
            cancel_form=CancelInterviewForm() if self.as_employer else None,
            **kwargs,
        )


class InterviewCalendarView(InterviewAccessMixin, View):
    def get(self, request, pk):
        response = HttpResponse(interview_ics(self.interview), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="interview.ics"'
        return response


class ReproposeInterviewView(InterviewAccessMixin, FormView):
    template_name = "interviews/interview_form.html"
    form_class = InterviewForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_employer_user:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return InterviewForm.initial_from(self.interview)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            application=self.interview.application, interview=self.interview, **kwargs
        )

    def form_valid(self, form):
        try:
            services.repropose_interview(interview=self.interview, by=self.request.user, **form.details())
        except ValidationError as error:
            add_form_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("새 면접 일정을 보냈습니다."))
        return redirect("interviews:detail", pk=self.interview.pk)


class RespondToInterviewView(InterviewAccessMixin, View):
    def post(self, request, pk):
        form = InterviewResponseForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("응답을 골라 주세요."))
            return redirect("interviews:detail", pk=pk)
        try:
            services.respond_to_interview(interview=self.interview, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("응답을 기업에 보냈습니다."))
        return redirect("interviews:detail", pk=pk)


class CancelInterviewView(InterviewAccessMixin, View):
    def post(self, request, pk):
        form = CancelInterviewForm(request.POST)
        form.is_valid()
        try:
            services.cancel_interview(
                interview=self.interview, by=request.user, reason=form.cleaned_data.get("reason", "")
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("면접을 취소했습니다. 지원자에게 알렸습니다."))
        return redirect("interviews:detail", pk=pk)


class InterviewOutcomeView(InterviewAccessMixin, View):
    def post(self, request, pk):
        try:
            services.record_interview_outcome(
                interview=self.interview, by=request.user, attended=request.POST.get("attended") == "yes"
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("면접 결과를 적었습니다."))
        return redirect("interviews:detail", pk=pk)


# ---- Job fairs and walk-in interviews (public pages; residents book) ----


class EventListView(TemplateView):
    template_name = "interviews/event_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(events=selectors.published_events(), **kwargs)


class EventDetailView(TemplateView):
    template_name = "interviews/event_detail.html"

    def get_context_data(self, **kwargs):
        event = get_object_or_404(HiringEvent.objects.filter(is_published=True), pk=self.kwargs["pk"])
        user = self.request.user
        my_booking = None
        if user.is_authenticated and user.is_resident_user and hasattr(user, "resident"):
            my_booking = (
                Booking.objects.filter(event=event, resident=user.resident, status=Booking.Status.BOOKED)
                .select_related("slot")
                .first()
            )
        return super().get_context_data(
            event=event,
            slots=selectors.slots_with_places(event),
            employers=event.employers.all(),
            vacancies=event.vacancies.select_related("employer"),
            my_booking=my_booking,
            **kwargs,
        )


class BookSlotView(ResidentRequiredMixin, View):
    def post(self, request, pk):
        slot = get_object_or_404(TimeSlot.objects.filter(event__is_published=True), pk=pk)
        try:
            services.book_slot(slot=slot, resident=self.resident)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("예약했습니다."))
        return redirect("events:detail", pk=slot.event_id)


class CancelBookingView(ResidentRequiredMixin, View):
    def post(self, request, pk):
        booking = get_object_or_404(Booking.objects.filter(resident=self.resident), pk=pk)
        try:
            services.cancel_booking(booking=booking, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("예약을 취소했습니다."))
        return redirect("events:detail", pk=booking.event_id)


class BookingCalendarView(ResidentRequiredMixin, View):
    """The resident's own booking as a calendar file."""

    def get(self, request, pk):
        booking = get_object_or_404(
            Booking.objects.filter(resident=self.resident).select_related("slot", "event"), pk=pk
        )
        response = HttpResponse(booking_ics(booking), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="booking.ics"'
        return response
