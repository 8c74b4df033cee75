"""Spreadsheet import and export: dry run with Korean errors per cell, all rows or none, no doubles."""

import io

import openpyxl
import pytest
from django.core.management import call_command

from audit.models import PersonalDataAccess
from employers.models import Employer, Vacancy
from placements.models import Placement, RetentionCheck
from residents.models import Resident
from spreadsheets.services import import_spreadsheet
from tests import factories
from tests.staffops.spreadsheet_helpers import RESIDENT_HEADERS, csv_bytes, resident_row, xlsx

pytestmark = pytest.mark.django_db

EMPLOYER_HEADERS = [
    "사업자등록번호",
    "기업명",
    "기업 구분",
    "소재 행정동",
    "구로디지털단지 입주",
    "상시 근로자 수",
]


def bad_resident_file():
    return xlsx(
        RESIDENT_HEADERS,
        [
            resident_row(phone="010-2000-0001"),
            resident_row(name="", phone="010-2000-0002"),
            resident_row(birth="2099-01-01", phone="010-2000-0003"),
            resident_row(dong="없는동", phone="010-2000-0004"),
            resident_row(wage="많이", phone="010-2000-0005"),
            resident_row(birth="어제", phone="010-2000-0006"),
            resident_row(phone="010-2000-0007"),
        ],
    )


def fixed_resident_file():
    return xlsx(RESIDENT_HEADERS, [resident_row(phone=f"010-2000-000{n}") for n in range(1, 8)])


def test_every_bad_row_is_reported_with_its_row_number_and_nothing_is_written():
    report = import_spreadsheet(
        kind="residents", content=bad_resident_file(), filename="주민.xlsx", dry_run=False
    )
    assert report.has_errors
    assert not report.written
    assert [(row.number, row.status) for row in report.rows] == [
        (2, "new"),
        (3, "error"),
        (4, "error"),
        (5, "error"),
        (6, "error"),
        (7, "error"),
        (8, "new"),
    ]
    lines = report.error_lines()
    assert "행 3: 이름: 이 필드는 빈 칸으로 둘 수 없습니다." in lines
    assert "행 4: 생년월일: 미래의 날짜는 입력할 수 없습니다." in lines
    assert "행 5: 거주 행정동: '없는동'은(는) 등록되지 않은 구로구 행정동입니다." in lines
    assert "행 6: 희망 월급(원): '많이'은(는) 숫자가 아닙니다." in lines
    assert any(line.startswith("행 7: 생년월일: '어제'은(는) 날짜가 아닙니다.") for line in lines)
    assert not Resident.objects.exists()


def test_the_fixed_file_imports_and_importing_it_twice_doubles_nothing():
    first = import_spreadsheet(
        kind="residents", content=fixed_resident_file(), filename="주민.xlsx", dry_run=False
    )
    assert first.written
    assert first.count("new") == 7
    assert Resident.objects.count() == 7
    again = import_spreadsheet(
        kind="residents", content=fixed_resident_file(), filename="주민.xlsx", dry_run=False
    )
    assert again.written
    assert again.count("update") == 7
    assert Resident.objects.count() == 7
    resident = Resident.objects.get(phone="010-2000-0001")
    assert set(resident.skills.values_list("name", flat=True)) == {"조리", "한식조리기능사"}
    assert list(resident.priority_groups.values_list("code", flat=True)) == ["single_parent"]
    assert resident.desired_employment_types == ["full_time", "part_time"]
    assert resident.desired_monthly_wage == 2_000_000


def test_a_dry_run_writes_nothing_but_tells_new_from_update():
    existing = factories.ResidentFactory(name="김구로", phone="010-2000-0001")
    existing.birth_date = existing.birth_date.replace(year=1980, month=5, day=17)
    existing.save()
    content = xlsx(RESIDENT_HEADERS, [resident_row(phone="01020000001"), resident_row(phone="010-2000-0009")])
    report = import_spreadsheet(kind="residents", content=content, filename="주민.xlsx", dry_run=True)
    assert [row.status for row in report.rows] == ["update", "new"]
    assert Resident.objects.count() == 1


def test_a_duplicate_resident_is_found_by_name_birth_date_and_phone_however_the_phone_is_typed():
    import_spreadsheet(kind="residents", content=fixed_resident_file(), filename="a.xlsx", dry_run=False)
    content = xlsx(RESIDENT_HEADERS, [resident_row(phone="010 2000 0001", wage="2500000")])
    import_spreadsheet(kind="residents", content=content, filename="b.xlsx", dry_run=False)
    assert Resident.objects.filter(name="김구로", phone="010-2000-0001").count() == 1
    assert Resident.objects.get(phone="010-2000-0001").desired_monthly_wage == 2_500_000


def test_a_korean_csv_saved_by_excel_in_cp949_imports():
    content = csv_bytes(RESIDENT_HEADERS, [resident_row(**{"보유 기술·자격증": "조리"})], encoding="cp949")
    report = import_spreadsheet(kind="residents", content=content, filename="주민.csv", dry_run=False)
    assert report.written, report.error_lines()
    assert Resident.objects.get().name == "김구로"


def test_a_file_missing_a_required_column_is_refused():
    headers = [h for h in RESIDENT_HEADERS if h != "생년월일"]
    row = resident_row()
    del row[RESIDENT_HEADERS.index("생년월일")]
    report = import_spreadsheet(
        kind="residents", content=xlsx(headers, [row]), filename="a.xlsx", dry_run=False
    )
    assert report.error_lines() == ["행 1: 필요한 열이 없습니다: 생년월일"]
    assert not Resident.objects.exists()


def test_employers_with_a_wrong_business_number_are_reported_and_recognised_by_number_otherwise():
    good = factories.business_number(77)
    content = xlsx(
        EMPLOYER_HEADERS,
        [
            [good, "구로소프트", "디지털단지 입주기업", "구로3동", "예", 25],
            ["123-45-67890", "틀린번호", "기타 기업", "구로3동", "아니오", "열 명"],
        ],
    )
    report = import_spreadsheet(kind="employers", content=content, filename="기업.xlsx", dry_run=False)
    lines = report.error_lines()
    assert (
        "행 3: 사업자등록번호: 사업자등록번호의 검증번호가 맞지 않습니다. 번호를 다시 확인해 주세요." in lines
    )
    assert "행 3: 상시 근로자 수: '열 명'은(는) 숫자가 아닙니다." in lines
    assert not Employer.objects.filter(name="구로소프트").exists()
    fixed = xlsx(
        EMPLOYER_HEADERS, [[good.replace("-", ""), "구로소프트", "디지털단지 입주기업", "구로3동", "예", 25]]
    )
    for _ in range(2):
        assert import_spreadsheet(
            kind="employers", content=fixed, filename="기업.xlsx", dry_run=False
        ).written
    assert Employer.objects.filter(business_number=good).count() == 1


def test_vacancies_import_by_employer_business_number():
    employer = factories.EmployerFactory()
    headers = [
        "공고 번호",
        "기업 사업자등록번호",
        "채용 제목",
        "업무 내용",
        "직종",
        "고용 형태",
        "임금(원)",
        "주당 근로시간",
        "근무지 주소",
        "근무지 행정동",
        "모집 인원",
        "요구 기술·자격증",
    ]
    row = [
        "",
        employer.business_number,
        "호텔 프런트",
        "객실 안내",
        "호텔 객실·프런트",
        "정규직",
        "2,400,000",
        40,
        "구로구 경인로 662",
        "신도림동",
        3,
        "외국어 응대(영어)",
    ]
    report = import_spreadsheet(
        kind="vacancies", content=xlsx(headers, [row]), filename="v.xlsx", dry_run=False
    )
    assert report.written, report.error_lines()
    vacancy = Vacancy.objects.get(title="호텔 프런트")
    assert vacancy.status == Vacancy.Status.DRAFT
    assert vacancy.monthly_wage == 2_400_000
    assert list(vacancy.required_skills.values_list("name", flat=True)) == ["외국어 응대(영어)"]


def test_placements_import_finds_the_resident_and_creates_retention_checks():
    resident = factories.ResidentFactory(name="박취업", phone="010-3333-4444")
    employer = factories.EmployerFactory()
    headers = [
        "실적 번호",
        "구직자 이름",
        "구직자 생년월일",
        "구직자 휴대전화",
        "경로",
        "기업 사업자등록번호",
        "근무 시작일",
    ]
    rows = [
        [
            "",
            "박취업",
            resident.birth_date.isoformat(),
            "01033334444",
            "채용 공고",
            employer.business_number,
            "2026년 3월 2일",
        ],
        ["", "없는사람", "1990-01-01", "010-1111-2222", "채용 공고", employer.business_number, "2026-03-02"],
    ]
    report = import_spreadsheet(
        kind="placements", content=xlsx(headers, rows), filename="p.xlsx", dry_run=False
    )
    assert (
        "행 3: 구직자 이름: 등록된 구직자 중에 이 이름·생년월일·휴대전화인 사람이 없습니다."
        in report.error_lines()
    )
    assert not Placement.objects.exists()
    report = import_spreadsheet(
        kind="placements", content=xlsx(headers, rows[:1]), filename="p.xlsx", dry_run=False
    )
    assert report.written, report.error_lines()
    placement = Placement.objects.get()
    assert placement.sector == "private"
    assert placement.guro_resident_at_hire is True
    assert placement.dong_at_hire == resident.dong
    assert RetentionCheck.objects.filter(placement=placement).count() == 4


def test_import_data_command_prints_bad_rows_and_exits_1_without_writing(tmp_path, capsys):
    path = tmp_path / "주민.xlsx"
    path.write_bytes(bad_resident_file())
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_data", "residents", str(path))
    assert exit_info.value.code == 1
    out = capsys.readouterr().out.splitlines()
    assert out and all(line.startswith("행 ") for line in out)
    assert any(line.startswith("행 4: 생년월일:") for line in out)
    assert not Resident.objects.exists()


def test_import_data_command_dry_run_then_write(tmp_path, capsys):
    path = tmp_path / "주민.xlsx"
    path.write_bytes(fixed_resident_file())
    call_command("import_data", "residents", str(path), "--dry-run")
    assert not Resident.objects.exists()
    call_command("import_data", "residents", str(path))
    call_command("import_data", "residents", str(path))
    assert Resident.objects.count() == 7


def sheet_rows(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [[cell if cell is not None else "" for cell in row] for row in sheet.iter_rows(values_only=True)]


def test_export_data_writes_korean_headers_one_row_per_resident_and_round_trips(tmp_path):
    factories.ResidentFactory.create_batch(3)
    path = tmp_path / "residents.xlsx"
    call_command("export_data", "residents", str(path))
    rows = sheet_rows(path.read_bytes())
    assert rows[0][:3] == ["이름", "생년월일", "성별"]
    assert len(rows) == 4
    assert rows[1][1] == "1980년 5월 17일"
    entry = PersonalDataAccess.objects.get(action="export")
    assert entry.row_count == 3
    report = import_spreadsheet(kind="residents", content=path.read_bytes(), filename="r.xlsx", dry_run=False)
    assert report.written, report.error_lines()
    assert report.count("update") == 3
    assert Resident.objects.count() == 3
