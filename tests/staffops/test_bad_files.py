"""Bad import files: one clear Korean message on every path (import_data, the admin), no
traceback, no import job left running, no upload kept, nothing recorded."""

import io
import zipfile

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from audit.models import PersonalDataAccess
from residents.models import Resident
from spreadsheets.models import ImportJob
from spreadsheets.services import create_import_job, run_import_job
from tests.staffops.spreadsheet_helpers import RESIDENT_HEADERS, csv_bytes, resident_row, xlsx

pytestmark = pytest.mark.django_db

EMPTY_MESSAGE = "빈 파일입니다. 내용이 있는 파일을 올려 주세요."
NO_ROWS_MESSAGE = "가져올 행이 없습니다."


def empty_workbook():
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def macro_workbook():
    return zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>", "xl/vbaProject.bin": "x"})


def zip_bomb():
    return zip_bytes(
        {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>", "xl/big.xml": "0" * 5_000_000}
    )


def run_command(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError) as caught:
        call_command("import_data", "residents", str(path))
    return str(caught.value)


def upload(client, content, name="주민.xlsx"):
    file = io.BytesIO(content)
    file.name = name
    return client.post(reverse("admin:spreadsheets_importjob_add"), {"kind": "residents", "file": file})


def test_import_data_refuses_a_workbook_with_no_cells_in_korean(tmp_path):
    assert EMPTY_MESSAGE in run_command(tmp_path, "주민.xlsx", empty_workbook())


def test_admin_upload_of_a_workbook_with_no_cells_says_so_and_keeps_no_job(client, staff_user):
    client.force_login(staff_user)
    response = upload(client, empty_workbook())
    assert response.status_code == 200
    assert EMPTY_MESSAGE in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_job_whose_file_turns_out_empty_is_refused_and_its_upload_deleted(staff_user):
    job = create_import_job(
        kind="residents", filename="주민.xlsx", content=empty_workbook(), total_rows=0, by=staff_user
    )
    run_import_job(job=job, dry_run=True)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.INVALID
    assert bytes(job.content) == b""
    assert EMPTY_MESSAGE in job.report["problems"]


def test_a_job_that_fails_unexpectedly_ends_as_failed_and_its_upload_is_deleted(staff_user, monkeypatch):
    from spreadsheets import services

    def broken(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "import_dataset", broken)
    content = xlsx(RESIDENT_HEADERS, [resident_row()])
    job = create_import_job(
        kind="residents", filename="주민.xlsx", content=content, total_rows=1, by=staff_user
    )
    run_import_job(job=job, dry_run=True)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert not job.is_running
    assert bytes(job.content) == b""
    assert job.report["problems"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (macro_workbook(), "매크로가 들어 있는 파일은 받지 않습니다."),
        (zip_bomb(), "압축을 풀면 지나치게 커지는 파일이라 받을 수 없습니다."),
        (b"", EMPTY_MESSAGE),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 100, "예전 엑셀 형식(.xls)"),
    ],
    ids=["macro", "zip-bomb", "empty", "xls"],
)
def test_import_data_applies_the_admin_upload_checks(tmp_path, content, message):
    assert message in run_command(tmp_path, "주민.xlsx", content)


def test_import_data_refuses_a_file_over_the_size_limit(tmp_path, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1000
    content = csv_bytes(RESIDENT_HEADERS, [resident_row(phone=f"010-2000-{n:04d}") for n in range(20)])
    assert "파일이 너무 큽니다." in run_command(tmp_path, "주민.csv", content)
    assert not Resident.objects.exists()


@pytest.mark.parametrize(
    "name,content", [("주민.xlsx", xlsx(RESIDENT_HEADERS, [])), ("주민.csv", csv_bytes(RESIDENT_HEADERS, []))]
)
def test_a_file_with_only_a_header_row_has_nothing_to_import_and_records_nothing(tmp_path, name, content):
    assert NO_ROWS_MESSAGE in run_command(tmp_path, name, content)
    assert not PersonalDataAccess.objects.exists()


def test_admin_upload_with_only_a_header_row_says_nothing_to_import_and_keeps_no_job(client, staff_user):
    client.force_login(staff_user)
    response = upload(client, xlsx(RESIDENT_HEADERS, []))
    assert response.status_code == 200
    assert NO_ROWS_MESSAGE in response.content.decode()
    assert not ImportJob.objects.exists()
    assert not PersonalDataAccess.objects.filter(action="add").exists()


def test_an_upload_over_the_limit_is_refused_by_its_declared_size_before_the_body_is_read(
    client, staff_user, settings
):
    settings.IMPORT_MAX_UPLOAD_BYTES = 10_000
    client.force_login(staff_user)
    file = io.BytesIO(xlsx(RESIDENT_HEADERS, [resident_row()]))
    file.name = "주민.xlsx"
    # The request says it is 50 MB, more than the body the test client sends: reading the body
    # would fail, so a refusal shows the view never read it.
    response = client.post(
        reverse("admin:spreadsheets_importjob_add"),
        {"kind": "residents", "file": file},
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "파일이 너무 큽니다." in response.content.decode()
    assert not ImportJob.objects.exists()
