"""Spreadsheets in the admin: upload → dry-run table → confirm; export with filters and a reason."""

import io

import openpyxl
import pytest
from django.urls import reverse

from audit.models import PersonalDataAccess
from residents.models import Resident
from spreadsheets.models import ImportJob
from tests import factories
from tests.staffops.spreadsheet_helpers import RESIDENT_HEADERS, resident_row, xlsx

pytestmark = pytest.mark.django_db


def upload(client, content, name="주민.xlsx", kind="residents"):
    file = io.BytesIO(content)
    file.name = name
    return client.post(reverse("admin:spreadsheets_importjob_add"), {"kind": kind, "file": file})


def test_upload_shows_each_row_as_new_or_error_and_confirm_is_refused_while_any_row_is_bad(
    client, staff_user
):
    client.force_login(staff_user)
    content = xlsx(
        RESIDENT_HEADERS, [resident_row(), resident_row(birth="2099-01-01", phone="010-2000-0002")]
    )
    response = upload(client, content)
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.INVALID
    page = client.get(response["Location"]).content.decode()
    assert "새로 등록" in page
    assert "행 3: 생년월일: 미래의 날짜는 입력할 수 없습니다." in page
    assert "확인: 모든 행 저장하기" not in page
    client.post(reverse("admin:spreadsheets_importjob_report", args=[job.pk]))
    assert not Resident.objects.exists()


def test_upload_then_confirm_writes_every_row_once(client, staff_user):
    client.force_login(staff_user)
    content = xlsx(RESIDENT_HEADERS, [resident_row(phone=f"010-2000-000{n}") for n in range(1, 4)])
    response = upload(client, content)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.CHECKED
    assert not Resident.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "확인: 모든 행 저장하기" in page
    client.post(reverse("admin:spreadsheets_importjob_report", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.IMPORTED
    assert Resident.objects.count() == 3
    client.post(reverse("admin:spreadsheets_importjob_report", args=[job.pk]))  # a second click
    assert Resident.objects.count() == 3
    entry = PersonalDataAccess.objects.get(action="add")
    assert entry.row_count == 3


def test_upload_refuses_other_file_types_in_korean(client, staff_user):
    client.force_login(staff_user)
    response = upload(client, b"hello", name="주민.txt")
    assert response.status_code == 200
    assert "엑셀(.xlsx) 또는 CSV(.csv) 파일만 올릴 수 있습니다." in response.content.decode()


def test_managers_cannot_import(client, manager_user):
    client.force_login(manager_user)
    assert client.get(reverse("admin:spreadsheets_importjob_add")).status_code == 403


def test_large_files_are_queued_for_a_worker_and_report_progress(client, staff_user, settings):
    settings.SPREADSHEET_SYNC_ROWS = 2
    client.force_login(staff_user)
    content = xlsx(RESIDENT_HEADERS, [resident_row(phone=f"010-2000-000{n}") for n in range(1, 5)])
    upload(client, content)
    job = ImportJob.objects.get()
    # Celery runs eagerly in unit tests, so the job has finished by now.
    assert job.status == ImportJob.Status.CHECKED
    progress = client.get(reverse("admin:spreadsheets_importjob_progress", args=[job.pk])).json()
    assert progress == {
        "status": "checked",
        "status_label": "검사 완료",
        "running": False,
        "done": 4,
        "total": 4,
    }


def sheet(content):
    return list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def test_export_applies_the_lists_filters_asks_for_a_reason_and_logs_the_row_count(client, staff_user):
    factories.ResidentFactory(name="구로주민")
    factories.ResidentFactory(name="부천주민", dong=None, outside_region="부천시")
    client.force_login(staff_user)
    url = reverse("admin:residents_resident_export") + "?lives_in_guro=yes"
    page = client.get(url)
    assert page.status_code == 200
    assert "1건을 내보냅니다" in page.content.decode()
    refused = client.post(url, {"file_format": "xlsx", "reason": ""})
    assert refused.status_code == 200
    assert not PersonalDataAccess.objects.filter(action="export").exists()
    response = client.post(url, {"file_format": "xlsx", "reason": "구로구 주민 상담 명단"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = sheet(response.content)
    assert rows[0][0] == "이름"
    assert [row[0] for row in rows[1:]] == ["구로주민"]
    entry = PersonalDataAccess.objects.get(action="export")
    assert entry.detail == "구로구 주민 상담 명단"
    assert entry.row_count == 1
    assert entry.account == staff_user


def test_admin_export_writes_what_export_data_writes(client, staff_user, tmp_path):
    from django.core.management import call_command

    factories.ResidentFactory.create_batch(2)
    client.force_login(staff_user)
    response = client.post(
        reverse("admin:residents_resident_export"), {"file_format": "xlsx", "reason": "비교"}
    )
    path = tmp_path / "r.xlsx"
    call_command("export_data", "residents", str(path))
    assert sheet(response.content) == sheet(path.read_bytes())


def test_csv_export_has_korean_headers_and_korean_dates(client, staff_user):
    factories.PlacementFactory()
    client.force_login(staff_user)
    response = client.post(
        reverse("admin:placements_placement_export"), {"file_format": "csv", "reason": "분기 보고"}
    )
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("실적 번호,구직자 이름")
    assert "2011년 4월 1일" in text


def test_any_admin_list_exports_with_korean_headers(client, staff_user):
    from placements.services import create_retention_checks

    create_retention_checks(placement=factories.PlacementFactory())
    client.force_login(staff_user)
    response = client.post(
        reverse("admin:placements_retentioncheck_export"), {"file_format": "xlsx", "reason": "사후관리 명단"}
    )
    rows = sheet(response.content)
    assert "확인 예정일" in rows[0]
    assert len(rows) == 5  # header + 4 checks


@pytest.mark.services
def test_a_real_worker_imports_a_large_file(client, staff_user, settings, celery_worker):
    settings.SPREADSHEET_SYNC_ROWS = 1
    client.force_login(staff_user)
    content = xlsx(RESIDENT_HEADERS, [resident_row(phone=f"010-2000-{n:04d}") for n in range(1, 31)])
    upload(client, content)
    job = ImportJob.objects.get()
    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if not job.is_running:
            break
        time.sleep(0.5)
    assert job.status == ImportJob.Status.CHECKED
    client.post(reverse("admin:spreadsheets_importjob_report", args=[job.pk]))
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if not job.is_running:
            break
        time.sleep(0.5)
    assert job.status == ImportJob.Status.IMPORTED
    assert Resident.objects.count() == 30
