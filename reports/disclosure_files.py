"""The disclosure page as files: an A4 PDF (fpdf2, Korean in the Nanum Gothic font from the
Debian package fonts-nanum) and the results workbook (.xlsx)."""

import io
from pathlib import Path

import openpyxl
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from openpyxl.styles import Font

from spreadsheets.formulas import neutralise_formula


def _number(value):
    return "—" if value is None else f"{value:,}"


def _percent(value):
    return "—" if value is None else f"{value:.1f}%"


def font_path():
    """The TrueType font with Hangul the PDF is set in (setting PLAN_PDF_FONT)."""
    return Path(settings.PLAN_PDF_FONT)


def pdf_bytes(plan, results):
    """The plan's goals, each yearly plan and the finished years' results on A4 pages."""
    pdf = FPDF(format="A4")
    pdf.set_title(str(plan))
    pdf.set_author(_("구로구 일자리지원과"))
    pdf.add_font("Nanum", fname=str(font_path()))
    bold = font_path().with_name(font_path().stem + "Bold" + font_path().suffix)
    pdf.add_font("Nanum", style="B", fname=str(bold if bold.exists() else font_path()))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Nanum", size=16)
    title = plan.title + (f" ({_('예시')})" if plan.is_example else "")
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Nanum", size=10)
    term = f"{plan.term} · " if plan.term else ""
    pdf.multi_cell(
        0,
        6,
        f"{term}{plan.first_year}~{plan.last_year}년 · {_('지역 일자리 목표 공시제')}",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    pdf.set_font("Nanum", size=12)
    pdf.cell(0, 8, _("계획의 목표"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Nanum", size=10)
    goals = [
        (_("계획서 기재 총 목표"), f"{_number(plan.stated_total)}명"),
        (
            _("고용률 목표"),
            _percent(None if plan.employment_rate_target is None else float(plan.employment_rate_target)),
        ),
        (_("취업자 수 증가 목표"), f"{_number(plan.employed_growth_target)}명"),
    ]
    with pdf.table(col_widths=(60, 120), text_align="LEFT") as table:
        for label, value in goals:
            row = table.row()
            row.cell(label)
            row.cell(value)
    pdf.ln(4)
    pdf.set_font("Nanum", size=12)
    pdf.cell(0, 8, _("연도별 목표와 실적"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Nanum", size=9)
    with pdf.table(col_widths=(20, 20, 30, 30, 30), text_align="RIGHT") as table:
        header = table.row()
        for label in (_("연도"), _("부문"), _("목표(명)"), _("실적(명)"), _("달성률")):
            header.cell(label)
        for entry in results["years"]:
            for sector in entry["sectors"]:
                row = table.row()
                row.cell(f"{entry['year']}년")
                row.cell(str(sector["label"]))
                row.cell(_number(sector["target"]))
                row.cell(_number(sector["actual"]) if entry["finished"] else _("진행 중"))
                row.cell(_percent(sector["rate"]))
    pdf.ln(4)
    pdf.set_font("Nanum", size=12)
    pdf.cell(0, 8, _("연차별 세부사업 목표"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Nanum", size=9)
    with pdf.table(col_widths=(14, 56, 28, 14, 38, 20), text_align="LEFT") as table:
        header = table.row()
        for label in (_("연도"), _("사업명"), _("정책 분야"), _("부문"), _("담당 부서"), _("목표(명)")):
            header.cell(label)
        for entry in results["years"]:
            if entry["year_plan"] is None:
                continue
            for project in entry["year_plan"].projects.all():
                row = table.row()
                row.cell(str(entry["year"]))
                row.cell(project.name)
                row.cell(str(project.get_category_display()))
                row.cell(str(project.get_sector_display()))
                row.cell(project.responsible_team)
                row.cell(_number(project.target))
    pdf.ln(3)
    pdf.set_font("Nanum", size=8)
    pdf.multi_cell(
        0,
        5,
        _("%(date)s 기준. 실적은 근무 시작일이 해당 연도에 속하는 취업·참여 건수입니다.")
        % {"date": timezone.localdate().isoformat()},
    )
    return bytes(pdf.output())


def xlsx_bytes(plan, results):
    """The results workbook: one sheet of years × sectors, one of the period against the stated totals."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _("연도별 실적")
    sheet.append([neutralise_formula(str(plan))])
    sheet["A1"].font = Font(bold=True)
    sheet.append([_("연도"), _("부문"), _("목표(명)"), _("실적(명)"), _("달성률(%)"), _("상태")])
    for entry in results["years"]:
        for sector in entry["sectors"]:
            sheet.append(
                [
                    entry["year"],
                    str(sector["label"]),
                    sector["target"],
                    sector["actual"],
                    sector["rate"],
                    _("확정") if entry["finished"] else _("진행 중"),
                ]
            )
    period = workbook.create_sheet(_("계획 기간"))
    period.append(
        [
            _("부문"),
            _("계획서 기재 목표(명)"),
            _("연도별 목표 합계(명)"),
            _("끝난 해 누적 실적(명)"),
            _("달성률(%)"),
        ]
    )
    for row in results["period"]:
        period.append([str(row["label"]), row["stated"], row["yearly_sum"], row["actual"], row["rate"]])
    projects = workbook.create_sheet(_("세부사업 목표"))
    projects.append([_("연도"), _("사업명"), _("정책 분야"), _("부문"), _("담당 부서"), _("목표(명)")])
    for entry in results["years"]:
        if entry["year_plan"] is None:
            continue
        for project in entry["year_plan"].projects.all():
            projects.append(
                [
                    entry["year"],
                    neutralise_formula(project.name),
                    str(project.get_category_display()),
                    str(project.get_sector_display()),
                    neutralise_formula(project.responsible_team),
                    project.target,
                ]
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
