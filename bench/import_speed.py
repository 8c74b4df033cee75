"""Benchmark: import a generated 10,000-row residents .xlsx and print rows per second.

    DATABASE_URL=... python bench/import_speed.py [--rows 10000]
    DATABASE_URL=... python bench/import_speed.py --memory --rows 10000   # peak memory only
    DATABASE_URL=... python bench/import_speed.py --rows 10000 --vacuum   # each pass on clean tables

Beside the product it runs a floor: the simplest fast way to load the same file (openpyxl in
read-only mode, the cells turned into values by hand, multi-row INSERTs of 1,000 rows for the
residents and their links), and checks that the floor's rows equal the product's, column by
column and link by link, before it prints the ratio. It runs the floor twice: as openpyxl's
read-only mode opens the file (the floor of issue 15), and opening it the way the product does,
reading the sheet once (openpyxl parses a sheet without <dimension>, as this bench's file is,
a first time only to find its size): the stricter floor. Each line also gives the CPU time of
this process (the database's own work, the same INSERTs on both sides, is not in it), which
moves less than wall time on a shared machine.

Each pass runs against the configured database inside a transaction that is rolled back, so
nothing is left behind (but dead rows, which --vacuum clears before each pass). Reported: file generation, the dry run and the real import
(each an all-or-nothing pass over every row, as staff would run them).
"""

import argparse
import datetime
import io
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guro_jobs.settings")

import django  # noqa: E402

django.setup()

import openpyxl  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from references.choices import EducationLevel, EmploymentStatus, EmploymentType, Gender  # noqa: E402
from references.models import AdministrativeDong, PriorityGroup, Skill  # noqa: E402
from residents.resources import ResidentResource  # noqa: E402
from spreadsheets.reading import open_workbook  # noqa: E402
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


COLUMNS = [
    "name",
    "birth_date",
    "gender",
    "outside_region",
    "phone",
    "email",
    "education_level",
    "employment_status",
    "unemployed_since",
    "desired_employment_types",
    "desired_monthly_wage",
    "career_summary",
    "collection_consented_at",
    "provision_consented_at",
    "consent_version",
    "dong_id",
    "created_at",
    "updated_at",
    "last_active_at",
]
BATCH = 1000


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    match = re.match(r"^(\d{4})\D+(\d{1,2})\D+(\d{1,2})", str(value).strip())
    return datetime.date(*(int(part) for part in match.groups()))


def _insert(cursor, table, columns, rows, returning=False):
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES " + ", ".join([placeholders] * len(rows))
    if returning:
        sql += " RETURNING id"
    cursor.execute(sql, [value for row in rows for value in row])
    return [pk for (pk,) in cursor.fetchall()] if returning else None


def floor_import(content, read_once=False):
    """openpyxl read-only + multi-row INSERTs; the cells of the bench's file turned into values by hand.

    read_once: open the workbook as the product does (spreadsheets.reading.open_workbook), which
    does not parse a sheet without <dimension> (this bench's file) a first time just to find its
    size; the stricter floor."""
    dongs = dict(AdministrativeDong.objects.values_list("name", "pk"))
    skills = dict(Skill.objects.values_list("name", "pk"))
    groups = dict(PriorityGroup.objects.values_list("name", "pk"))
    codes = {
        "gender": {str(label): code for code, label in Gender.choices},
        "education": {str(label): code for code, label in EducationLevel.choices},
        "status": {str(label): code for code, label in EmploymentStatus.choices},
        "type": {str(label): code for code, label in EmploymentType.choices},
    }
    now = timezone.now()
    if read_once:
        book = open_workbook(content)
    else:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    rows = book.active.iter_rows(values_only=True)
    index = {header: i for i, header in enumerate(next(rows))}
    count = 0

    def cell(row, header):
        value = row[index[header]] if header in index else None
        return "" if value is None else str(value).strip()

    def names(value, lookup):
        return [lookup[name.strip()] for name in value.split(",") if name.strip()]

    def flush(batch, links):
        with connection.cursor() as cursor:
            pks = _insert(cursor, "residents_resident", COLUMNS, batch, returning=True)
            skill_rows = [(pk, s) for pk, (sk, _pg) in zip(pks, links, strict=True) for s in sk]
            group_rows = [(pk, g, "") for pk, (_sk, pg) in zip(pks, links, strict=True) for g in pg]
            if skill_rows:
                _insert(cursor, "residents_resident_skills", ["resident_id", "skill_id"], skill_rows)
            if group_rows:
                _insert(
                    cursor,
                    "residents_residentprioritygroup",
                    ["resident_id", "priority_group_id", "document_type"],
                    group_rows,
                )

    batch, links = [], []
    for row in rows:
        consented = timezone.make_aware(
            datetime.datetime.combine(_date(cell(row, "수집·이용 동의 일시")), datetime.time())
        )
        types = [
            codes["type"][part.strip()] for part in cell(row, "희망 고용 형태").split(",") if part.strip()
        ]
        wage = cell(row, "희망 월급(원)").replace(",", "")
        batch.append(
            (
                cell(row, "이름"),
                _date(cell(row, "생년월일")),
                codes["gender"][cell(row, "성별")],
                cell(row, "구외 거주 지역"),
                cell(row, "휴대전화"),
                cell(row, "이메일"),
                codes["education"][cell(row, "최종 학력")],
                codes["status"][cell(row, "고용 상태")],
                None,
                json.dumps(types),
                int(wage) if wage else None,
                cell(row, "경력 요약"),
                consented,
                None,
                settings.CONSENT_TEXT_VERSION,
                dongs[cell(row, "거주 행정동")],
                now,
                now,
                now,
            )
        )
        links.append(
            (names(cell(row, "보유 기술·자격증"), skills), names(cell(row, "우선 지원 대상"), groups))
        )
        count += 1
        if len(batch) == BATCH:
            flush(batch, links)
            batch, links = [], []
    if batch:
        flush(batch, links)
    book.close()
    return count


def imported_rows():
    """Every bench resident as it was written, with its links (compared between floor and product)."""
    columns = [c for c in COLUMNS if c not in ("created_at", "updated_at", "last_active_at")]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT {", ".join("r." + c for c in columns)},
                  ARRAY(SELECT skill_id FROM residents_resident_skills s WHERE s.resident_id = r.id ORDER BY 1),
                  ARRAY(SELECT priority_group_id FROM residents_residentprioritygroup g
                        WHERE g.resident_id = r.id ORDER BY 1)
                FROM residents_resident r WHERE r.name LIKE '벤치%%' ORDER BY r.name"""
        )
        return [
            tuple(json.dumps(v) if isinstance(v, list) and k == 9 else v for k, v in enumerate(row))
            for row in cursor.fetchall()
        ]


def peak_memory(path, rows):
    """Run the real import (rolled back) on a file in a fresh process; its peak RSS in MiB."""
    output = subprocess.run(
        [sys.executable, __file__, "--import-file", path, "--rows", str(rows)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def import_file_only(path):
    with open(path, "rb") as handle:
        content = handle.read()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    with transaction.atomic():
        report = import_spreadsheet(kind="residents", content=content, filename="bench.xlsx", dry_run=False)
        assert report.written, report.error_lines()[:5]
        transaction.set_rollback(True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"baseline_mib": baseline, "peak_mib": peak, "seconds": time.perf_counter() - started}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--memory", action="store_true", help="only the peak memory of the real import")
    parser.add_argument(
        "--vacuum",
        action="store_true",
        help="VACUUM the residents tables before each pass (a database of your own)",
    )
    parser.add_argument("--import-file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.import_file:
        import_file_only(args.import_file)
        return
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    started = time.perf_counter()
    content = build_file(args.rows)
    print(
        f"file: {args.rows:,} rows, {len(content) / 1024:,.0f} KiB in {time.perf_counter() - started:.1f} s"
    )
    if args.memory:
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as handle:
            handle.write(content)
            handle.flush()
            figures = peak_memory(handle.name, args.rows)
        print(
            f"real import in a fresh process: {figures['seconds']:.1f} s, peak RSS {figures['peak_mib']:.0f} MiB "
            f"(after start-up {figures['baseline_mib']:.0f} MiB, so the import itself "
            f"{figures['peak_mib'] - figures['baseline_mib']:.0f} MiB)"
        )
        return

    def vacuum():
        # Each pass writes rows and rolls them back; their dead index entries would slow the
        # passes that come later (the product's) more than the first (the floor).
        if args.vacuum:
            with connection.cursor() as cursor:
                cursor.execute(
                    "VACUUM ANALYZE residents_resident, residents_resident_skills,"
                    " residents_residentprioritygroup"
                )

    floors, floor_rows = {}, None
    for read_once in (False, True):
        vacuum()
        with transaction.atomic():
            started, cpu = time.perf_counter(), time.process_time()
            floor_count = floor_import(content, read_once=read_once)
            floors[read_once] = (time.perf_counter() - started, time.process_time() - cpu)
            # Read back outside the timing (the product's rows are read back after its run too).
            rows = imported_rows()
            transaction.set_rollback(True)
        assert floor_rows in (None, rows), "the two floors differ"
        floor_rows = rows
        seconds, cpu = floors[read_once]
        label = "floor, sheet read once" if read_once else "floor"
        print(
            f"{label}: {floor_count:,} rows in {seconds:.1f} s = {floor_count / seconds:,.0f} rows/s"
            f" (CPU in this process {cpu:.1f} s)"
        )
    (floor_seconds, floor_cpu), (once_seconds, once_cpu) = floors[False], floors[True]
    for dry_run in (True, False):
        vacuum()
        with transaction.atomic():
            started, cpu = time.perf_counter(), time.process_time()
            report = import_spreadsheet(
                kind="residents", content=content, filename="bench.xlsx", dry_run=dry_run
            )
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            assert not report.has_errors, report.error_lines()[:5]
            assert report.written != dry_run
            if not dry_run:
                ours = imported_rows()
            transaction.set_rollback(True)
        label = "dry run" if dry_run else "import"
        print(
            f"{label}: {report.total:,} rows in {seconds:.1f} s = {report.total / seconds:,.0f} rows/s"
            f" ({seconds / floor_seconds:.2f}x the floor, {seconds / once_seconds:.2f}x the floor read once;"
            f" CPU {cpu:.1f} s = {cpu / floor_cpu:.2f}x / {cpu / once_cpu:.2f}x)"
        )
    same = sum(1 for a, b in zip(floor_rows, ours, strict=False) if a == b)
    print(f"floor rows equal to the import's: {same:,} of {len(ours):,}")
    if same != len(ours) or len(floor_rows) != len(ours):
        difference = next(((a, b) for a, b in zip(floor_rows, ours, strict=False) if a != b), None)
        raise SystemExit(f"the floor and the import differ: {difference}")


if __name__ == "__main__":
    main()
