from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from guro_jobs.forms import KrdsFormMixin


class MessageForm(KrdsFormMixin, forms.Form):
    body = forms.CharField(
        label=_("메시지"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("글만 보낼 수 있습니다(첨부 파일 없음). 이력서는 지원할 때 고른 것을 기업이 봅니다."),
        error_messages={"required": _("보낼 내용을 적어 주세요.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].max_length = settings.APPLICATION_MESSAGE_MAX_LENGTH
        self.fields["body"].widget.attrs["maxlength"] = settings.APPLICATION_MESSAGE_MAX_LENGTH


class HelpRequestForm(KrdsFormMixin, forms.Form):
    note = forms.CharField(label=_("어떤 도움이 필요한가요?"), max_length=500, required=False)
