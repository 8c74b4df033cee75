from django import forms
from django.utils.translation import gettext_lazy as _

from guro_jobs.forms import DateInput, KrdsFormMixin
from references.choices import EmploymentType
from references.models import Occupation
from resumes.models import CareerEntry, CertificateEntry, EducationEntry, LanguageEntry, Resume


class ResumeForm(KrdsFormMixin, forms.ModelForm):
    desired_employment_types = forms.MultipleChoiceField(
        label=_("희망 고용 형태"),
        choices=EmploymentType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    file = forms.FileField(
        label=_("첨부 파일"),
        required=False,
        help_text=_("PDF, 한글(HWP·HWPX), 워드(DOCX) 문서. 새 파일을 올리면 이전 파일을 바꿉니다."),
    )
    remove_file = forms.BooleanField(label=_("첨부 파일 지우기"), required=False)

    class Meta:
        model = Resume
        fields = [
            "title",
            "is_default",
            "desired_occupations",
            "desired_employment_types",
            "desired_monthly_wage",
            "desired_area",
            "growth",
            "motivation",
            "aspirations",
            "other",
        ]
        widgets = {
            "desired_occupations": forms.CheckboxSelectMultiple,
            "growth": forms.Textarea(attrs={"rows": 4}),
            "motivation": forms.Textarea(attrs={"rows": 4}),
            "aspirations": forms.Textarea(attrs={"rows": 4}),
            "other": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "growth": _("자기소개서 항목입니다. 쓰고 싶은 항목만 쓰세요."),
            "is_default": _("지원할 때 먼저 골라져 있는 이력서입니다."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["desired_occupations"].queryset = Occupation.objects.filter(level=Occupation.Level.MINOR)
        if not self.instance.has_file:
            del self.fields["remove_file"]


def _entry_form(model, fields, widgets=None):
    return type(
        f"{model.__name__}Form",
        (KrdsFormMixin, forms.ModelForm),
        {"Meta": type("Meta", (), {"model": model, "fields": fields, "widgets": widgets or {}})},
    )


EducationFormSet = forms.inlineformset_factory(
    Resume,
    EducationEntry,
    form=_entry_form(
        EducationEntry,
        ["school", "major", "started_on", "ended_on", "status"],
        {"started_on": DateInput(), "ended_on": DateInput()},
    ),
    extra=1,
    max_num=10,
    can_delete=True,
)
CareerFormSet = forms.inlineformset_factory(
    Resume,
    CareerEntry,
    form=_entry_form(
        CareerEntry,
        ["employer_name", "started_on", "ended_on", "is_current", "position", "duties"],
        {"started_on": DateInput(), "ended_on": DateInput(), "duties": forms.Textarea(attrs={"rows": 2})},
    ),
    extra=1,
    max_num=30,
    can_delete=True,
)
CertificateFormSet = forms.inlineformset_factory(
    Resume,
    CertificateEntry,
    form=_entry_form(
        CertificateEntry, ["name", "issuer", "acquired_on", "number"], {"acquired_on": DateInput()}
    ),
    extra=1,
    max_num=30,
    can_delete=True,
)
LanguageFormSet = forms.inlineformset_factory(
    Resume,
    LanguageEntry,
    form=_entry_form(LanguageEntry, ["language", "level"]),
    extra=1,
    max_num=10,
    can_delete=True,
)

FORMSETS = [
    ("education", _("학력"), EducationFormSet),
    ("careers", _("경력"), CareerFormSet),
    ("certificates", _("자격증"), CertificateFormSet),
    ("languages", _("외국어"), LanguageFormSet),
]
