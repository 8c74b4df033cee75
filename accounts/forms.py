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
