"""Benchmark: import a generated 10,000-row residents .xlsx and print rows per second.

    DATABASE_URL=... python bench/import_speed.py [--rows 10000]

It runs against the configured database inside a transaction that is rolled back at the end,
so nothing is left behind. Reported: file generation, the dry run and the real import
(each an all-or-nothing pass over every row, as staff would run them).
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guro_jobs.settings")

import django  # noqa: E402

django.setup()

import openpyxl  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from references.models import AdministrativeDong  # noqa: E402
from residents.resources import ResidentResource  # noqa: E402
from spreadsheets.services import import_spreadsheet  # noqa: E402

GENDERS = ["여성", "남성"]
EDUCATION = ["고등학교 졸업", "전문대학 졸업", "대학교 졸업", "중학교 졸업 이하"]
SKILLS = ["", "조리", "Java, 데이터베이스", "판매·계산, 친절 서비스", "요양보호사"]


def build_file(rows):
    dongs = list(AdministrativeDong.objects.values_list("name", flat=True))
    headers = [field.column_name for field in ResidentResource().get_export_fields()]
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(headers)
    for n in range(rows):
        values = {
            "이름": f"벤치{n}",
            "생년월일": f"{1950 + n % 50}-{1 + n % 12:02d}-{1 + n % 28:02d}",
            "성별": GENDERS[n % 2],
            "휴대전화": f"010-{5000 + n // 10000:04d}-{n % 10000:04d}",
            "이메일": "",
            "거주 행정동": dongs[n % len(dongs)],
            "최종 학력": EDUCATION[n % len(EDUCATION)],
            "고용 상태": "실업",
            "우선 지원 대상": "한부모가정" if n % 7 == 0 else "",
            "보유 기술·자격증": SKILLS[n % len(SKILLS)],
            "희망 고용 형태": "정규직",
            "희망 월급(원)": 2_000_000 + (n % 10) * 100_000,
            "수집·이용 동의 일시": "2026년 11월 1일",
        }
        sheet.append([values.get(header, "") for header in headers])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    started = time.perf_counter()
    content = build_file(args.rows)
    print(
        f"file: {args.rows:,} rows, {len(content) / 1024:,.0f} KiB in {time.perf_counter() - started:.1f} s"
    )
    with transaction.atomic():
        for dry_run in (True, False):
            started = time.perf_counter()
            report = import_spreadsheet(
                kind="residents", content=content, filename="bench.xlsx", dry_run=dry_run
            )
            seconds = time.perf_counter() - started
            assert not report.has_errors, report.error_lines()[:5]
            label = "dry run" if dry_run else "import"
            print(
                f"{label}: {len(report.rows):,} rows in {seconds:.1f} s = {len(report.rows) / seconds:,.0f} rows/s"
            )
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
