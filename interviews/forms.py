import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guro_jobs.forms import DateInput, KrdsFormMixin
from interviews.models import Interview


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class InterviewForm(KrdsFormMixin, forms.Form):
    """What the employer tells the applicant: day, start time, length, where, who to call, what to bring."""

    day = forms.DateField(
        label=_("면접 날짜"), widget=DateInput(), error_messages={"required": _("면접 날짜를 입력해 주세요.")}
    )
    start_time = forms.TimeField(
        label=_("시작 시간"), widget=TimeInput(), error_messages={"required": _("시작 시간을 입력해 주세요.")}
    )
    duration_minutes = forms.IntegerField(label=_("소요 시간(분)"), min_value=10, max_value=480, initial=30)
    mode = forms.ChoiceField(
        label=_("방식"),
        choices=Interview.Mode.choices,
        initial=Interview.Mode.IN_PERSON,
        widget=forms.RadioSelect,
    )
    place = forms.CharField(
        label=_("장소"), max_length=200, required=False, help_text=_("방문 면접: 주소와 층·호수")
    )
    online_link = forms.URLField(
        label=_("온라인 면접 주소"),
        required=False,
        assume_scheme="https",
        help_text=_("온라인 면접: 화상 회의 접속 주소"),
    )
    contact_name = forms.CharField(label=_("담당자"), max_length=50)
    contact_phone = forms.CharField(label=_("담당자 연락처"), max_length=30)
    what_to_bring = forms.CharField(label=_("준비물"), max_length=500, required=False)
    note = forms.CharField(
        label=_("안내 사항"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    @classmethod
    def initial_from(cls, interview):
        start = timezone.localtime(interview.starts_at)
        fields = {
            name: getattr(interview, name)
            for name in (
                "duration_minutes",
                "mode",
                "place",
                "online_link",
                "contact_name",
                "contact_phone",
                "what_to_bring",
                "note",
            )
        }
        return {"day": start.date(), "start_time": start.time().replace(second=0, microsecond=0), **fields}

    def details(self):
        """The form's values as the service's keyword arguments."""
        data = dict(self.cleaned_data)
        day, start_time = data.pop("day"), data.pop("start_time")
        data["starts_at"] = timezone.make_aware(datetime.datetime.combine(day, start_time))
        return data


class InterviewResponseForm(KrdsFormMixin, forms.Form):
    answer = forms.ChoiceField(
        label=_("응답"),
        choices=[
            (Interview.Status.CONFIRMED, _("참석하겠습니다")),
            (Interview.Status.RESCHEDULE_REQUESTED, _("다른 시간을 요청합니다")),
            (Interview.Status.DECLINED, _("참석하지 않겠습니다")),
        ],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("기업에 남길 말"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("다른 시간을 요청할 때는 가능한 날짜와 시간을 적어 주세요."),
    )


class CancelInterviewForm(KrdsFormMixin, forms.Form):
    reason = forms.CharField(label=_("취소 사유"), max_length=300, required=False)
