"""The residents import writes in batches: few queries per batch, not per row, and the same
results as row by row (links, people listed twice, all rows or none, kept verifications)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from residents.models import Resident, ResidentPriorityGroup
from residents.resources import ResidentResource
from spreadsheets.services import import_spreadsheet
from tests.staffops.spreadsheet_helpers import RESIDENT_HEADERS, resident_row, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(ResidentResource._meta, "batch_size", 3)


def residents_file(count, **extra):
    return xlsx(RESIDENT_HEADERS, [resident_row(phone=f"010-3000-{n:04d}", **extra) for n in range(count)])


def queries_for(count):
    content = residents_file(count)
    with CaptureQueriesContext(connection) as captured:
        report = import_spreadsheet(kind="residents", content=content, filename="주민.xlsx", dry_run=False)
    assert report.written
    Resident.objects.all().delete()
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_rows_of_one_batch():
    assert queries_for(40) == queries_for(5)


def test_rows_over_several_batches_are_all_written_with_their_links(small_batches):
    report = import_spreadsheet(
        kind="residents", content=residents_file(8), filename="주민.xlsx", dry_run=False
    )
    assert report.written
    assert report.count("new") == 8
    assert Resident.objects.count() == 8
    for resident in Resident.objects.all():
        assert set(resident.skills.values_list("name", flat=True)) == {"조리", "한식조리기능사"}
        assert list(resident.priority_groups.values_list("code", flat=True)) == ["single_parent"]


def test_a_person_listed_twice_in_one_file_is_one_record_with_the_later_row(small_batches):
    rows = [resident_row(phone=f"010-3000-{n:04d}") for n in range(5)]
    rows.insert(1, resident_row(phone="010-3000-0004", wage="2500000", **{"보유 기술·자격증": "조리"}))
    rows.append(resident_row(phone="010-3000-0000", wage="3000000"))
    report = import_spreadsheet(
        kind="residents", content=xlsx(RESIDENT_HEADERS, rows), filename="주민.xlsx", dry_run=False
    )
    assert [row.status for row in report.rows] == ["new", "new", "new", "new", "new", "update", "update"]
    assert Resident.objects.count() == 5
    assert Resident.objects.get(phone="010-3000-0000").desired_monthly_wage == 3_000_000
    twice = Resident.objects.get(phone="010-3000-0004")
    assert twice.desired_monthly_wage == 2_000_000  # the later row (row 6) wins
    assert set(twice.skills.values_list("name", flat=True)) == {"조리", "한식조리기능사"}


def test_a_bad_row_in_the_last_batch_leaves_the_earlier_batches_unwritten(small_batches):
    rows = [resident_row(phone=f"010-3000-{n:04d}") for n in range(7)] + [resident_row(birth="어제")]
    report = import_spreadsheet(
        kind="residents", content=xlsx(RESIDENT_HEADERS, rows), filename="주민.xlsx", dry_run=False
    )
    assert not report.written
    assert any(line.startswith("행 9: 생년월일:") for line in report.error_lines())
    assert not Resident.objects.exists()


def test_importing_again_keeps_a_verified_priority_group_and_drops_one_no_longer_listed(small_batches):
    import_spreadsheet(kind="residents", content=residents_file(4), filename="주민.xlsx", dry_run=False)
    link = ResidentPriorityGroup.objects.filter(resident__phone="010-3000-0002").get()
    link.verified_at = timezone.now()
    link.document_type = ResidentPriorityGroup.DocumentType.SINGLE_PARENT_CERTIFICATE
    link.save(update_fields=["verified_at", "document_type"])
    content = xlsx(
        RESIDENT_HEADERS,
        [resident_row(phone="010-3000-0002"), resident_row(phone="010-3000-0003", **{"우선 지원 대상": ""})],
    )
    report = import_spreadsheet(kind="residents", content=content, filename="주민.xlsx", dry_run=False)
    assert [row.status for row in report.rows] == ["update", "update"]
    link.refresh_from_db()
    assert link.verified_at is not None
    assert link.document_type == ResidentPriorityGroup.DocumentType.SINGLE_PARENT_CERTIFICATE
    assert not Resident.objects.get(phone="010-3000-0003").priority_groups.exists()
