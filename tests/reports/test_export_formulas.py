"""The dashboard's exports carry no live formula, whatever a program or firm is called."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_dashboard_exports_neutralise_formula_cells(client, staff_user, hand_counted):
    from reports.services import store_snapshot

    program = hand_counted.program
    program.name = '=HYPERLINK("http://x","사업")'
    program.save()
    store_snapshot(year=2011)
    client.force_login(staff_user)
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("reports:export_xlsx", args=[2011])).content)
    )
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert "'" + program.name in [cell.value for cell in cells]
    body = client.get(reverse("reports:export_csv", args=[2011])).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert any(row[1] == "'" + program.name for row in rows)
    assert not any(cell.startswith("=") for row in rows for cell in row)
