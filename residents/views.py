import csv
import json

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from guro_jobs.forms import add_form_error
from guro_jobs.validators import mask_phone
from notifications import phone_confirmation
from notifications.kinds import MailKind
from notifications.services import set_mail_opt_outs, set_notice_channel
from residents import me_panels, selectors, services
from residents.forms import (
    DeletionRequestForm,
    MailPreferencesForm,
    PhoneConfirmationForm,
    ResidentProfileForm,
    SignupForm,
)
from residents.permissions import ResidentRequiredMixin


def client_ip(request):
    return request.META.get("REMOTE_ADDR") or None


class SignupView(FormView):
    template_name = "residents/signup.html"
    form_class = SignupForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("home")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            resident = services.register_resident(
                password=form.cleaned_data["password1"],
                collection_consent=form.cleaned_data["consent_collection"],
                provision_consent=form.cleaned_data["consent_provision"],
                ip_address=client_ip(self.request),
                **fields,
            )
        except ValidationError as error:
            add_form_error(form, error)
            return self.form_invalid(form)
        login(self.request, resident.user, backend="accounts.backends.EmailOrPhoneBackend")
        messages.success(self.request, _("회원가입을 마쳤습니다. 환영합니다."))
        return redirect("residents:me")


class MeView(ResidentRequiredMixin, TemplateView):
    template_name = "residents/me.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            resident=self.resident,
            priority_claims=selectors.priority_claims_of(self.resident),
            panels=me_panels.render_panels(self.request, self.resident),
            **kwargs,
        )


class ProfileView(ResidentRequiredMixin, FormView):
    template_name = "residents/profile.html"
    form_class = ResidentProfileForm
    success_url = reverse_lazy("residents:me")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.resident}

    def form_valid(self, form):
        resident = form.save(commit=False)
        try:
            services.update_resident_profile(
                resident=resident,
                priority_groups=form.cleaned_data["priority_groups"],
                skills=form.cleaned_data["skills"],
                desired_occupations=form.cleaned_data["desired_occupations"],
            )
        except ValidationError as error:
            add_form_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("내 정보를 저장했습니다."))
        return super().form_valid(form)


class DataDownloadView(ResidentRequiredMixin, View):
    def get(self, request, fmt):
        stamp = timezone.localdate().strftime("%Y%m%d")
        if fmt == "json":
            body = json.dumps(selectors.resident_data_export(self.resident), ensure_ascii=False, indent=2)
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
        else:
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            response.write("\ufeff")  # so spreadsheet programs read the Korean correctly
            writer = csv.writer(response)
            writer.writerow([_("구분"), _("항목"), _("값")])
            writer.writerows(selectors.resident_data_rows(self.resident))
        response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.{fmt}"'
        response["Cache-Control"] = "no-store"
        return response


class DeletionRequestView(ResidentRequiredMixin, FormView):
    template_name = "residents/delete.html"
    form_class = DeletionRequestForm
    success_url = reverse_lazy("residents:me")

    def form_valid(self, form):
        try:
            services.request_account_deletion(resident=self.resident)
        except ValidationError as error:
            add_form_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("탈퇴 요청을 접수했습니다. 일자리지원과가 처리한 뒤 알려 드립니다."))
        return super().form_valid(form)


class MailPreferencesView(LoginRequiredMixin, FormView):
    """Anyone with a login (resident or employer user) chooses which kinds of mail they get."""

    template_name = "residents/mail_preferences.html"
    form_class = MailPreferencesForm
    success_url = reverse_lazy("residents:me")

    def get_initial(self):
        user = self.request.user
        opted_out = set(user.mail_opt_outs or [])
        return {
            "wanted": [kind.value for kind in MailKind if kind.value not in opted_out],
            "channel": user.notice_channel,
            "phone": user.phone,
        }

    def get_form_kwargs(self):
        has_resident_phone = bool(getattr(getattr(self.request.user, "resident", None), "phone", ""))
        return {**super().get_form_kwargs(), "has_resident_phone": has_resident_phone}

    def form_valid(self, form):
        user = self.request.user
        try:
            with transaction.atomic():
                set_notice_channel(
                    user=user,
                    channel=form.cleaned_data["channel"] or user.notice_channel,
                    phone=form.cleaned_data.get("phone"),
                )
                set_mail_opt_outs(user=user, wanted_kinds=form.cleaned_data["wanted"])
        except ValidationError as error:
            user.refresh_from_db(fields=["notice_channel", "phone", "phone_confirmed_at", "mail_opt_outs"])
            add_form_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("알림 설정을 저장했습니다."))
        if phone_confirmation.needs_confirmation(user):
            try:
                phone_confirmation.send_confirmation_code(user=user)
            except ValidationError as error:  # sent a moment ago: the page offers to send again
                messages.info(self.request, error.messages[0])
            return redirect("residents:confirm_phone")
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            phone_unconfirmed=phone_confirmation.needs_confirmation(user), **kwargs
        )


class PhoneConfirmationView(LoginRequiredMixin, FormView):
    """The code texted to the number an account gave for its notices; texts start once it is typed."""

    template_name = "residents/confirm_phone.html"
    form_class = PhoneConfirmationForm
    success_url = reverse_lazy("residents:mail")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not phone_confirmation.needs_confirmation(request.user):
            return redirect("residents:mail")
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if "resend" not in request.POST:
            return super().post(request, *args, **kwargs)
        try:
            phone_confirmation.send_confirmation_code(user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("인증번호를 다시 보냈습니다."))
        return redirect("residents:confirm_phone")

    def get_context_data(self, **kwargs):
        return super().get_context_data(masked_phone=mask_phone(self.request.user.phone), **kwargs)

    def form_valid(self, form):
        try:
            phone_confirmation.confirm_phone(user=self.request.user, code=form.cleaned_data["code"])
        except ValidationError as error:
            add_form_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("휴대전화 번호를 확인했습니다. 이제 알림을 문자로도 받습니다."))
        return super().form_valid(form)


class WithdrawProvisionConsentView(ResidentRequiredMixin, View):
    """PIPA: consent to provide data to employers can be withdrawn as easily as it was given."""

    def post(self, request):
        services.record_provision_consent(
            resident=self.resident, granted=False, ip_address=client_ip(request)
        )
        messages.success(request, _("기업 제공 동의를 철회했습니다."))
        return redirect("residents:me")
