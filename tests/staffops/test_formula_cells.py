"""Formula (CSV) injection: no export carries a live formula; an import refuses a formula cell."""

import csv
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from residents.models import Resident
from spreadsheets.services import import_spreadsheet
from tests import factories
from tests.staffops.spreadsheet_helpers import RESIDENT_HEADERS, csv_bytes, resident_row

pytestmark = pytest.mark.django_db

FORMULA_NAME = '=HYPERLINK("http://x","y")'


def xlsx_cells(content):
    """Every cell of the first sheet, as openpyxl reads it with formulas visible."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def assert_no_live_formula(cells):
    assert cells
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert not [cell.coordinate for cell in cells if isinstance(cell.value, str) and cell.value[:1] in "=+-@"]


def test_export_data_writes_a_formula_looking_name_as_text_in_xlsx_and_csv(tmp_path):
    factories.ResidentFactory(name=FORMULA_NAME)
    xlsx_path, csv_path = tmp_path / "r.xlsx", tmp_path / "r.csv"
    call_command("export_data", "residents", str(xlsx_path))
    call_command("export_data", "residents", str(csv_path))
    cells = xlsx_cells(xlsx_path.read_bytes())
    assert_no_live_formula(cells)
    assert "'" + FORMULA_NAME in [cell.value for cell in cells]
    rows = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"))))
    assert rows[1][0] == "'" + FORMULA_NAME


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_admin_export_neutralises_formula_cells(client, staff_user, file_format):
    factories.ResidentFactory(name="@SUM(1+1)*cmd")
    client.force_login(staff_user)
    response = client.post(
        reverse("admin:residents_resident_export"), {"file_format": file_format, "reason": "상담"}
    )
    assert response.status_code == 200
    if file_format == "xlsx":
        cells = xlsx_cells(response.content)
        assert_no_live_formula(cells)
        assert "'@SUM(1+1)*cmd" in [cell.value for cell in cells]
    else:
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[1][0] == "'@SUM(1+1)*cmd"


def test_any_admin_list_export_neutralises_formula_cells(client, staff_user):
    factories.EmployerFactory(name="+cmd|' /C calc'!A0")
    client.force_login(staff_user)
    response = client.post(
        reverse("admin:employers_employer_export"), {"file_format": "xlsx", "reason": "점검"}
    )
    cells = xlsx_cells(response.content)
    assert_no_live_formula(cells)
    assert "'+cmd|' /C calc'!A0" in [cell.value for cell in cells]


def formula_workbook():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(RESIDENT_HEADERS)
    sheet.append(resident_row(phone="010-2000-0001"))
    sheet.append(resident_row(phone="010-2000-0002"))
    sheet["A3"] = FORMULA_NAME  # a real formula cell (openpyxl stores it with no cached value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_formula_cell_is_refused_with_its_row_and_column():
    report = import_spreadsheet(
        kind="residents", content=formula_workbook(), filename="주민.xlsx", dry_run=False
    )
    assert report.has_errors
    assert not report.written
    lines = report.error_lines()
    assert any(line.startswith("행 3: 이름: 수식") for line in lines), lines
    assert not any("빈 칸" in line for line in lines)
    assert not Resident.objects.exists()


def test_a_csv_cell_that_would_run_as_a_formula_is_refused_with_its_row_and_column():
    content = csv_bytes(
        RESIDENT_HEADERS,
        [resident_row(phone="010-2000-0001"), resident_row(name="@cmd", phone="010-2000-0002")],
    )
    report = import_spreadsheet(kind="residents", content=content, filename="주민.csv", dry_run=True)
    assert report.has_errors
    assert any(line.startswith("행 3: 이름: 수식") for line in report.error_lines()), report.error_lines()


def test_import_data_prints_the_formula_cell_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "주민.xlsx"
    path.write_bytes(formula_workbook())
    with pytest.raises(SystemExit):
        call_command("import_data", "residents", str(path))
    out = capsys.readouterr().out
    assert "행 3: 이름: 수식" in out
    assert not Resident.objects.exists()
