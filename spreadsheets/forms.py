from django import forms
from django.utils.translation import gettext_lazy as _

from guro_jobs.uploads import validate_spreadsheet_upload
from spreadsheets.models import ImportJob


def validate_upload(upload):
    """The one place an uploaded spreadsheet is checked (size, real file type) before it is read."""
    validate_spreadsheet_upload(upload)


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("자료 종류"), choices=ImportJob.Kind.choices)
    file = forms.FileField(
        label=_("파일"),
        help_text=_("엑셀(.xlsx) 또는 CSV(.csv). 첫 행은 내보내기 파일과 같은 한국어 열 이름입니다."),
    )

    def clean_file(self):
        from spreadsheets.services import file_format

        upload = self.cleaned_data["file"]
        file_format(upload.name)
        validate_upload(upload)
        return upload


class ExportForm(forms.Form):
    file_format = forms.ChoiceField(
        label=_("파일 형식"),
        choices=[("xlsx", _("엑셀(.xlsx)")), ("csv", _("CSV(.csv)"))],
        initial="xlsx",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("내려받는 사유"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("개인정보 접속 기록에 건수와 함께 남습니다."),
    )
