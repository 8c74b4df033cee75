from django import forms
from django.contrib.auth.forms import AuthenticationForm
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
