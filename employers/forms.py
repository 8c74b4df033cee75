from django import forms
from django.utils.translation import gettext_lazy as _

from employers.models import Agreement, Vacancy
from guro_jobs.forms import DateInput, KrdsFormMixin
from references.choices import Career, SeoulDistrict
from references.models import AdministrativeDong, Occupation


class VacancyForm(KrdsFormMixin, forms.ModelForm):
    class Meta:
        model = Vacancy
        fields = [
            "title",
            "description",
            "occupation",
            "employment_type",
            "wage_amount",
            "wage_unit",
            "weekly_hours",
            "work_place",
            "dong",
            "district",
            "work_days_per_week",
            "openings",
            "career",
            "career_min_years",
            "required_education",
            "required_skills",
            "closes_on",
            "agreement",
        ]
        widgets = {"closes_on": DateInput(), "required_skills": forms.CheckboxSelectMultiple}
        help_texts = {
            "wage_amount": _("숫자만 입력합니다. 예: 2500000"),
            "agreement": _("구로구와 맺은 지역 주민 채용 협약에 따른 채용이면 고릅니다."),
        }

    def __init__(self, *args, employer, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.employer = employer
        self.fields["agreement"].queryset = Agreement.objects.filter(employer=employer)
        self.fields["dong"].queryset = AdministrativeDong.objects.filter(is_active=True)
        self.fields["dong"].empty_label = _("구로구 밖")
        self.fields["district"].initial = SeoulDistrict.GURO
        self.fields["occupation"].queryset = Occupation.objects.filter(level__gte=Occupation.Level.MINOR)
        # Left empty (or absent from an older form), the career condition means "either".
        self.fields["career"].required = False
        self.fields["career_min_years"].required = False

    def clean_career(self):
        return self.cleaned_data.get("career") or Career.ANY

    def clean_career_min_years(self):
        return self.cleaned_data.get("career_min_years") or 0


class SavedSearchForm(forms.Form):
    """Hidden: the query string of the search being saved."""

    query = forms.CharField(max_length=1000, required=False, widget=forms.HiddenInput)


class MoveApplicationForm(forms.Form):
    """The status an employer moves an applicant to; the view passes the statuses an employer may
    set (placements.selectors.employer_status_choices), the service checks the move itself."""

    status = forms.ChoiceField()

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices


class HireConfirmationForm(KrdsFormMixin, forms.Form):
    """Before a hire is recorded the employer confirms when the person starts and what they earn."""

    started_on = forms.DateField(
        label=_("근무 시작일"),
        widget=DateInput(),
        error_messages={
            "required": _("근무 시작일을 입력해 주세요."),
            "invalid": _("날짜를 다시 확인해 주세요."),
        },
    )
    monthly_wage = forms.IntegerField(
        label=_("월 임금(원)"),
        min_value=1,
        max_value=100_000_000,
        help_text=_("세전 월 임금을 숫자만 입력합니다. 예: 2500000"),
        error_messages={"required": _("월 임금을 원 단위 숫자로 입력해 주세요.")},
    )


class HireCancellationForm(KrdsFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("취소 사유"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("예: 다른 지원자를 잘못 눌렀습니다. 사유는 지원자의 처리 이력에 남습니다."),
        error_messages={"required": _("취소 사유를 적어 주세요.")},
    )


class EmployerProfileForm(KrdsFormMixin, forms.ModelForm):
    """What an employer proposes for its public page; staff approve it before it shows."""

    website = forms.URLField(label=_("홈페이지"), max_length=300, required=False, assume_scheme="https")

    class Meta:
        from employers.models import EmployerProfileChange

        model = EmployerProfileChange
        fields = list(EmployerProfileChange.FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dong"].queryset = AdministrativeDong.objects.filter(is_active=True)
        self.fields["dong"].empty_label = _("구로구 밖")
