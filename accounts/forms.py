from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from guro_jobs.forms import KrdsFormMixin


class LoginForm(KrdsFormMixin, AuthenticationForm):
    username = forms.CharField(
        label=_("이메일 또는 휴대전화 번호"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("비밀번호"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("이메일(또는 휴대전화 번호)이나 비밀번호가 맞지 않습니다. 다시 확인해 주세요."),
        "inactive": _("사용이 중지된 계정입니다. 일자리지원과에 문의해 주세요."),
    }


class SecondFactorForm(KrdsFormMixin, forms.Form):
    otp_token = forms.CharField(
        label=_("인증 코드(6자리)"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text=_("인증 앱(Google Authenticator, Microsoft Authenticator 등)에 표시된 6자리 숫자입니다."),
        error_messages={"required": _("인증 앱의 6자리 코드를 입력해 주세요.")},
    )


class PasswordResetRequestForm(KrdsFormMixin, forms.Form):
    identifier = forms.CharField(
        label=_("이메일 또는 휴대전화 번호"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
        help_text=_(
            "이메일을 적으면 재설정 주소를 메일로, 휴대전화 번호를 적으면 인증번호를 문자로 보냅니다."
        ),
        error_messages={"required": _("가입할 때 쓴 이메일이나 휴대전화 번호를 입력해 주세요.")},
    )


class PasswordResetCodeForm(KrdsFormMixin, forms.Form):
    code = forms.RegexField(
        label=_("인증번호(6자리)"),
        regex=r"^\s*\d{6}\s*$",
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={
            "required": _("문자로 받은 6자리 인증번호를 입력해 주세요."),
            "invalid": _("인증번호는 숫자 6자리입니다."),
        },
    )


class PortalSetPasswordForm(KrdsFormMixin, SetPasswordForm):
    """The new password, checked by the same validators as sign-up (AUTH_PASSWORD_VALIDATORS)."""
