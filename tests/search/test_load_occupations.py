"""manage.py load_occupations FILE.xlsx: loads or updates the classification, row errors, dry run."""

import openpyxl
import pytest
from django.core.management import call_command

from references.models import Occupation

pytestmark = pytest.mark.django_db


def workbook(tmp_path, rows, headers=("코드", "직업명", "영문 직업명")):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    path = tmp_path / "keco.xlsx"
    book.save(path)
    return path


def run(path, *options):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("load_occupations", str(path), *options, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue(), err.getvalue()


def test_a_file_adds_detailed_groups_under_their_minor_group_and_updates_names(tmp_path):
    path = workbook(
        tmp_path,
        [
            ("133", "소프트웨어 개발자", "Software engineers"),
            ("1331", "시스템 소프트웨어 개발자", "System software developers"),
            ("1332", "응용 소프트웨어 개발자", "Application software developers"),
        ],
    )
    code, out, _err = run(path)
    assert code == 0 and "새로 등록 2행, 수정 1행" in out
    detailed = Occupation.objects.select_related("parent").get(code="1332")
    assert (
        detailed.level == 4
        and detailed.parent.code == "133"
        and detailed.name_en == "Application software developers"
    )
    assert Occupation.objects.get(code="133").name_en == "Software engineers"


def test_a_dry_run_checks_every_row_and_writes_nothing(tmp_path):
    path = workbook(tmp_path, [("1331", "시스템 소프트웨어 개발자", "")])
    code, out, _err = run(path, "--dry-run")
    assert code == 0 and "검사 완료(저장하지 않음): 새로 등록 1행" in out
    assert not Occupation.objects.filter(code="1331").exists()


def test_bad_rows_are_named_with_their_reason_and_nothing_is_written(tmp_path):
    path = workbook(
        tmp_path,
        [
            ("1331", "시스템 소프트웨어 개발자", ""),
            ("13A", "잘못된 코드", ""),
            ("7777", "상위가 없는 분류", ""),
            ("1332", "", ""),
        ],
    )
    code, out, err = run(path)
    assert code == 1 and "아무것도 저장하지 않았습니다" in err
    assert "행 3: 코드: 코드는 숫자 1~4자리여야 합니다" in out
    assert "행 4: 코드: 상위 분류(777)가 없습니다" in out
    assert "행 5: 직업명:" in out
    assert "행 2" not in out
    assert not Occupation.objects.filter(code="1331").exists()


def test_a_file_without_the_code_column_is_refused(tmp_path):
    path = workbook(tmp_path, [("시스템 소프트웨어 개발자",)], headers=("직업명",))
    code, out, _err = run(path)
    assert code == 1 and "필요한 열이 없습니다: 코드" in out
