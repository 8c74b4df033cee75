"""The employer's own applicants as an .xlsx workbook: consented applicants only (the selector
decides), every text cell formula-safe."""

import io

import openpyxl
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.styles import Font

from spreadsheets.formulas import neutralise_formula


def _text(value):
    return neutralise_formula(str(value)) if value not in (None, "") else ""


def applicants_workbook(applications):
    """Bytes of a workbook with one row per application."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _("지원자")
    sheet.append(
        [
            _("공고"),
            _("이름"),
            _("출생 연도"),
            _("거주"),
            _("최종 학력"),
            _("기술·자격증"),
            _("휴대전화"),
            _("이메일"),
            _("상태"),
            _("지원 일시"),
            _("이력서"),
            _("경력(개월)"),
        ]
    )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for application in applications:
        resident = application.resident
        snapshot = getattr(application, "resume_snapshot", None)
        content = snapshot.content if snapshot is not None else {}
        sheet.append(
            [
                _text(application.vacancy.title),
                _text(resident.name),
                resident.birth_year,
                _text(resident.dong.name if resident.dong else _("구외")),
                _text(resident.get_education_level_display()),
                _text(", ".join(skill.name for skill in resident.skills.all())),
                _text(resident.phone),
                _text(resident.email),
                _text(application.get_status_display()),
                timezone.localtime(application.created_at).strftime("%Y-%m-%d %H:%M"),
                _text(content.get("title", "")),
                content.get("career_months", ""),
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
