"""A large import is streamed: the report keeps the counts of every row but only a bounded
number of rows (the first ones, then the bad ones), the spreadsheet row numbers stay right, and
the page shows the worker's progress while it runs."""

import io
import time

import pytest
from django.urls import reverse

from residents.models import Resident
from spreadsheets.models import ImportJob
from spreadsheets.services import ImportReport, count_rows, import_spreadsheet
from tests.staffops.spreadsheet_helpers import RESIDENT_HEADERS, csv_bytes, resident_row, xlsx

pytestmark = pytest.mark.django_db


def rows_with_bad_births(count, bad_every):
    return [
        resident_row(phone=f"010-4000-{n:04d}", birth="어제" if n % bad_every == 0 else "1980-05-17")
        for n in range(1, count + 1)
    ]


def test_a_large_report_counts_every_row_but_keeps_only_the_first_rows_and_some_bad_ones(settings):
    settings.SPREADSHEET_REPORT_ROWS = 5
    settings.SPREADSHEET_REPORT_ERRORS = 3
    content = xlsx(RESIDENT_HEADERS, rows_with_bad_births(40, bad_every=4))  # rows 5, 9, … 41 bad
    report = import_spreadsheet(kind="residents", content=content, filename="주민.xlsx", dry_run=True)
    assert report.count("new") == 30 and report.count("error") == 10
    assert [row.number for row in report.rows] == [2, 3, 4, 5, 6, 9, 13]
    assert report.omitted_errors == 7
    lines = report.row_lines()
    assert len(lines) == 4
    assert lines[0].startswith("행 5: 생년월일:")
    assert lines[-1] == "그 밖에 오류가 있는 행 7개는 생략했습니다."
    assert not Resident.objects.exists()


def test_the_counts_survive_the_round_trip_through_the_job(settings):
    settings.SPREADSHEET_REPORT_ROWS = 2
    content = xlsx(RESIDENT_HEADERS, rows_with_bad_births(6, bad_every=100))
    report = import_spreadsheet(kind="residents", content=content, filename="주민.xlsx", dry_run=True)
    again = ImportReport.from_dict(report.as_dict())
    assert again.count("new") == 6 and len(again.rows) == 2 and not again.has_errors


def test_blank_rows_between_rows_keep_the_spreadsheet_row_numbers():
    rows = [resident_row(phone="010-4000-0001"), [""] * len(RESIDENT_HEADERS), resident_row(birth="어제")]
    content = csv_bytes(RESIDENT_HEADERS, rows)
    assert count_rows(content, "주민.csv") == 2
    report = import_spreadsheet(kind="residents", content=content, filename="주민.csv", dry_run=True)
    assert [(row.number, row.status) for row in report.rows] == [(2, "new"), (4, "error")]


@pytest.mark.services
def test_the_page_shows_the_workers_progress_while_it_checks_a_large_file(
    client, staff_user, settings, celery_worker
):
    settings.SPREADSHEET_SYNC_ROWS = 1
    total = 1500
    content = xlsx(
        RESIDENT_HEADERS, [resident_row(phone=f"010-5{n // 10000:03d}-{n % 10000:04d}") for n in range(total)]
    )
    client.force_login(staff_user)
    file = io.BytesIO(content)
    file.name = "주민.xlsx"
    client.post(reverse("admin:spreadsheets_importjob_add"), {"kind": "residents", "file": file})
    job = ImportJob.objects.get()
    url = reverse("admin:spreadsheets_importjob_progress", args=[job.pk])
    seen = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        progress = client.get(url).json()
        assert progress["total"] == total
        seen.append(progress["done"])
        if not progress["running"]:
            break
        time.sleep(0.2)
    assert progress["status"] == "checked"
    assert seen == sorted(seen), seen
    assert any(0 < done < total for done in seen), seen
    assert seen[-1] == total


def sheet_bytes(write_only, rows):
    import datetime

    import openpyxl

    book = openpyxl.Workbook(write_only=write_only)
    sheet = book.create_sheet() if write_only else book.active
    for values in rows:
        sheet.append(values)
    if not write_only:
        sheet.cell(row=3, column=7, value="=1+1")  # a formula as written, as the checks see it
    sheet.append(["마지막", datetime.datetime(2026, 11, 1, 9, 30), 2.5, True, None, "=SUM(A1)"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("write_only", [True, False], ids=["no size in the file", "with its size"])
def test_the_sheet_is_read_cell_for_cell_as_openpyxls_read_only_mode_reads_it(write_only):
    import openpyxl

    from spreadsheets.reading import SheetRows, open_workbook

    rows = [RESIDENT_HEADERS] + [resident_row(phone=f"010-4000-{n:04d}") for n in range(5)]
    rows.insert(3, [None] * len(RESIDENT_HEADERS))  # a blank row keeps its number
    content = sheet_bytes(write_only, rows)
    expected = list(
        openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False).active.iter_rows(
            values_only=True
        )
    )
    book = open_workbook(content)
    assert list(book.active.iter_rows(values_only=True)) == expected
    assert (book.active.max_row, book.active.max_column) == (
        openpyxl.load_workbook(io.BytesIO(content), read_only=True).active.max_row,
        openpyxl.load_workbook(io.BytesIO(content), read_only=True).active.max_column,
    )
    with SheetRows(content, "주민.xlsx") as sheet:
        numbered = list(sheet)
    width = len(RESIDENT_HEADERS)
    wanted = [
        (number, (list(values) + [""] * width)[: max(width, len(values))])
        for number, values in enumerate(expected[1:], start=2)
        if any(cell not in (None, "") for cell in values)
    ]
    assert numbered == wanted
    assert 4 not in [number for number, _values in numbered]
