"""The message thread of one application, for its applicant, the employer and (when help was asked) staff."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from audit.models import PersonalDataAccess
from audit.services import log_access
from conversations import selectors, services
from conversations.forms import HelpRequestForm, MessageForm
from placements import selectors as application_selectors
from placements.models import JobApplication
from residents.views import add_form_error


def applications_for(user):
    """The applications whose thread this user may open at all (staff: any; read rule applied later)."""
    if user.is_district_staff:
        return JobApplication.objects.select_related("vacancy__employer", "resident__user")
    if user.is_employer_user:
        return application_selectors.applications_visible_to(user.employer).select_related("resident__user")
    if user.is_resident_user and hasattr(user, "resident"):
        return JobApplication.objects.filter(resident=user.resident).select_related(
            "vacancy__employer", "resident__user"
        )
    raise Http404


class ThreadMixin(LoginRequiredMixin):
    @cached_property
    def application(self):
        return get_object_or_404(applications_for(self.request.user), pk=self.kwargs["pk"])

    @cached_property
    def thread(self):
        return selectors.thread_of(self.application)

    @cached_property
    def side(self):
        return services.side_of(self.request.user, self.application)


class ThreadView(ThreadMixin, FormView):
    template_name = "conversations/thread.html"
    form_class = MessageForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not services.may_read(request.user, self.application, self.thread):
            raise PermissionDenied(_("도움 요청이 있는 대화만 직원이 볼 수 있습니다."))
        if self.side == "staff":  # every staff read of a private thread is in the access log
            log_access(
                request=request,
                action=PersonalDataAccess.Action.VIEW,
                resident=self.application.resident,
                target=_("지원 메시지 (도움 요청)"),
                detail=f"application={self.application.pk}",
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            application=self.application,
            thread=self.thread,
            thread_messages=selectors.messages_of(self.thread),
            side=self.side,
            help_form=HelpRequestForm(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.send_message(
                application=self.application, by=self.request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            add_form_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("메시지를 보냈습니다."))
        return redirect("conversations:thread", pk=self.application.pk)


class RequestHelpView(ThreadMixin, View):
    def post(self, request, pk):
        form = HelpRequestForm(request.POST)
        form.is_valid()
        try:
            services.request_help(
                application=self.application, by=request.user, note=form.cleaned_data.get("note", "")
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("일자리지원과에 도움을 요청했습니다. 담당 직원이 이 대화를 읽고 연락드립니다.")
            )
        return redirect("conversations:thread", pk=pk)


class CloseHelpView(ThreadMixin, View):
    def post(self, request, pk):
        if self.thread is None:
            raise Http404
        try:
            services.close_help(thread=self.thread, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("conversations:thread", pk=pk)
        messages.success(request, _("도움 요청을 마쳤습니다. 이 대화는 다시 두 사람만 볼 수 있습니다."))
        return redirect("admin:conversations_thread_changelist")
