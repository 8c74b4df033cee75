from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _


class CopyPlanForwardForm(forms.Form):
    """The new plan's title, term and years; the rest is copied from the chosen plan."""

    title = forms.CharField(label=_("새 계획 이름"), max_length=200)
    term = forms.CharField(label=_("임기"), max_length=50, required=False, help_text=_("예: 민선 9기"))
    first_year = forms.IntegerField(
        label=_("첫 연도"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    last_year = forms.IntegerField(
        label=_("마지막 연도"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    copy_targets = forms.BooleanField(
        label=_("목표 인원도 복사"),
        required=False,
        initial=True,
        help_text=_("끄면 사업 구조(사업명·분야·부문·담당 부서)만 복사하고 목표는 비워 둡니다."),
    )

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_year"), cleaned.get("last_year")
        if first and last and last < first:
            self.add_error("last_year", _("마지막 연도는 첫 연도보다 앞설 수 없습니다."))
        return cleaned
