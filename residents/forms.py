from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.backends import find_user_by_login
from guro_jobs.forms import DateInput, KrdsFormMixin
from notifications.kinds import Channel, MailKind
from references.choices import EmploymentType
from references.models import AdministrativeDong, Occupation, PriorityGroup
from residents.models import Resident

PERSON_FIELDS = [
    "name",
    "birth_date",
    "gender",
    "phone",
    "email",
    "dong",
    "outside_region",
    "education_level",
    "employment_status",
]


class SignupForm(KrdsFormMixin, forms.ModelForm):
    """A resident's sign-up: who they are, a password, and the PIPA consents."""

    password1 = forms.CharField(
        label=_("비밀번호"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "영문자·숫자·특수문자 중 두 종류 이상을 섞어 10자 이상, 또는 세 종류를 모두 섞어 8자 이상."
        ),
    )
    password2 = forms.CharField(
        label=_("비밀번호 확인"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    consent_collection = forms.BooleanField(
        label=_("[필수] 개인정보 수집·이용에 동의합니다."),
        required=True,
        error_messages={"required": _("개인정보 수집·이용에 동의해야 회원가입을 할 수 있습니다.")},
    )
    consent_provision = forms.BooleanField(
        label=_("[선택] 기업에 지원할 때 개인정보를 제3자(기업)에게 제공하는 데 동의합니다."),
        required=False,
    )

    class Meta:
        model = Resident
        fields = PERSON_FIELDS
        widgets = {"birth_date": DateInput()}
        help_texts = {
            "phone": _("예: 010-1234-5678. 이 번호로도 로그인할 수 있습니다."),
            "email": _("이메일로 로그인하고 알림 메일을 받습니다. 없으면 휴대전화 번호로 로그인합니다."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dong"].queryset = AdministrativeDong.objects.filter(is_active=True)
        self.fields["dong"].empty_label = _("구로구 밖에 삽니다")
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_email(self):
        email = self.cleaned_data.get("email", "").strip().lower()
        if email and find_user_by_login(email):
            raise ValidationError(_("이미 가입된 이메일입니다. 로그인해 주세요."))
        return email

    def clean_password2(self):
        password1 = self.cleaned_data.get("password1")
        password2 = self.cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            raise ValidationError(_("두 비밀번호가 서로 다릅니다."))
        return password2

    def _post_clean(self):
        super()._post_clean()
        phone = self.instance.phone
        if phone and "phone" not in self.errors and find_user_by_login(phone):
            self.add_error("phone", _("이미 가입된 휴대전화 번호입니다. 로그인해 주세요."))
        password = self.cleaned_data.get("password2")
        if password:
            from accounts.models import User

            probe = User(
                username=self.cleaned_data.get("email") or phone, email=self.cleaned_data.get("email", "")
            )
            probe.first_name = self.cleaned_data.get("name", "")
            try:
                password_validation.validate_password(password, probe)
            except ValidationError as error:
                self.add_error("password1", error)


class ResidentProfileForm(KrdsFormMixin, forms.ModelForm):
    """Everything a resident can state about themselves; staff verify the priority groups."""

    desired_employment_types = forms.MultipleChoiceField(
        label=_("희망 고용 형태"),
        choices=EmploymentType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    priority_groups = forms.ModelMultipleChoiceField(
        label=_("우선 지원 대상"),
        queryset=PriorityGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("해당하는 항목을 고르세요. 일자리지원과 직원이 증빙 서류로 확인한 뒤 선발에 반영합니다."),
    )

    class Meta:
        model = Resident
        fields = [
            *PERSON_FIELDS,
            "unemployed_since",
            "skills",
            "desired_occupations",
            "desired_employment_types",
            "desired_monthly_wage",
            "career_summary",
        ]
        widgets = {
            "birth_date": DateInput(),
            "unemployed_since": DateInput(),
            "skills": forms.CheckboxSelectMultiple,
            "desired_occupations": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dong"].queryset = AdministrativeDong.objects.filter(is_active=True)
        self.fields["dong"].empty_label = _("구로구 밖에 삽니다")
        self.fields["desired_occupations"].queryset = Occupation.objects.filter(level=Occupation.Level.MINOR)
        if self.instance.pk:
            self.fields["priority_groups"].initial = list(self.instance.priority_groups.all())

    def _post_clean(self):
        super()._post_clean()
        phone = self.instance.phone
        if phone and "phone" not in self.errors:
            other = find_user_by_login(phone)
            if other and other != self.instance.user:
                self.add_error("phone", _("다른 계정이 쓰고 있는 휴대전화 번호입니다."))


class ProvisionConsentForm(KrdsFormMixin, forms.Form):
    consent_provision = forms.BooleanField(
        label=_("[선택] 이 기업에 지원하기 위해 개인정보를 제3자(기업)에게 제공하는 데 동의합니다."),
        required=True,
        error_messages={"required": _("기업에 지원하려면 제3자(기업) 제공에 동의해야 합니다.")},
    )


class MailPreferencesForm(KrdsFormMixin, forms.Form):
    wanted = forms.MultipleChoiceField(
        label=_("받을 알림 메일"),
        choices=MailKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("체크를 해제한 종류의 메일은 보내지 않습니다."),
    )
    channel = forms.ChoiceField(
        label=_("알림 받는 방법"),
        choices=Channel.choices,
        initial=Channel.EMAIL,
        required=False,  # left out: the choice stays as it was
        widget=forms.RadioSelect,
        help_text=_("문자는 지원 결과와 면접 안내처럼 위에서 고른 종류만 짧게 보냅니다."),
    )
    phone = forms.CharField(
        label=_("문자 받을 휴대전화 번호"),
        max_length=20,
        required=False,
        help_text=_("예: 010-1234-5678"),
    )

    def __init__(self, *args, has_resident_phone=False, **kwargs):
        super().__init__(*args, **kwargs)
        if has_resident_phone:
            # A resident's texts go to the number on their record (내 정보 수정), not a second one.
            del self.fields["phone"]


class PhoneConfirmationForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(
        label=_("인증번호(6자리)"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
        error_messages={
            "required": _("문자로 받은 6자리 인증번호를 입력해 주세요."),
            "min_length": _("문자로 받은 6자리 인증번호를 입력해 주세요."),
        },
    )


class DeletionRequestForm(KrdsFormMixin, forms.Form):
    confirm = forms.BooleanField(
        label=_("탈퇴를 요청하고, 내 정보가 익명 처리된다는 것을 이해했습니다."),
        required=True,
        error_messages={"required": _("탈퇴를 요청하려면 확인란에 체크해 주세요.")},
    )
