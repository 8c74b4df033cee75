from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import roles
from accounts.models import User
from casework.models import NoteTemplate, Team
from employers.models import Employer
from guro_jobs.forms import DateInput, KrdsFormMixin
from programs.models import Program
from residents.models import ResidentPriorityGroup


def staff_members():
    return User.objects.filter(groups__name=roles.DISTRICT_STAFF, is_active=True).order_by(
        "last_name", "username"
    )


class CaseNoteForm(KrdsFormMixin, forms.Form):
    prefix = "note"
    template = forms.ChoiceField(label=_("상담 양식"), choices=NoteTemplate.choices)
    body = forms.CharField(label=_("내용"), widget=forms.Textarea(attrs={"rows": 10}))


class FollowUpTaskForm(KrdsFormMixin, forms.Form):
    prefix = "task"
    title = forms.CharField(label=_("할 일"), max_length=200)
    due_on = forms.DateField(label=_("기한"), widget=DateInput())


class VerifyClaimForm(KrdsFormMixin, forms.Form):
    prefix = "verify"
    claim = forms.ModelChoiceField(label=_("우선 지원 대상"), queryset=ResidentPriorityGroup.objects.none())
    document_type = forms.ChoiceField(
        label=_("확인 서류"), choices=ResidentPriorityGroup.DocumentType.choices
    )
    valid_until = forms.DateField(
        label=_("유효 기간"), required=False, widget=DateInput(), help_text=_("비우면 기한이 없습니다.")
    )

    def __init__(self, *args, resident, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["claim"]
        field.queryset = ResidentPriorityGroup.objects.filter(resident=resident).select_related(
            "priority_group"
        )
        field.label_from_instance = lambda claim: f"{claim.priority_group.name} ({claim.get_state_display()})"


class ReferralForm(KrdsFormMixin, forms.Form):
    prefix = "refer"
    to_team = forms.ModelChoiceField(
        label=_("받는 팀"), queryset=Team.objects.filter(is_active=True), required=False
    )
    to_counsellor = forms.ModelChoiceField(
        label=_("받는 상담사"), queryset=User.objects.none(), required=False
    )
    to_program = forms.ModelChoiceField(
        label=_("받는 일자리 사업"), queryset=Program.objects.order_by("-year", "name"), required=False
    )
    to_employer = forms.ModelChoiceField(
        label=_("받는 협력 기업"), queryset=Employer.objects.order_by("name"), required=False
    )
    reason = forms.CharField(label=_("의뢰 사유"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_counsellor"].queryset = staff_members()


class AssignForm(KrdsFormMixin, forms.Form):
    prefix = "assign"
    counsellor = forms.ModelChoiceField(label=_("담당 상담사"), queryset=User.objects.none(), required=False)
    team = forms.ModelChoiceField(
        label=_("담당 팀"), queryset=Team.objects.filter(is_active=True), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counsellor"].queryset = staff_members()


class AnswerForm(KrdsFormMixin, forms.Form):
    prefix = "answer"
    note = forms.CharField(
        label=_("처리 의견·반송 사유"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
