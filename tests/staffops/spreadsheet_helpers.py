"""Building .xlsx and .csv files in tests."""

import csv
import io

import openpyxl


def xlsx(headers, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(headers, rows, encoding="utf-8-sig"):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


RESIDENT_HEADERS = [
    "이름",
    "생년월일",
    "성별",
    "휴대전화",
    "거주 행정동",
    "구외 거주 지역",
    "최종 학력",
    "고용 상태",
    "우선 지원 대상",
    "보유 기술·자격증",
    "희망 고용 형태",
    "희망 월급(원)",
    "수집·이용 동의 일시",
]


def resident_row(
    name="김구로", birth="1980-05-17", phone="010-2000-0001", dong="구로3동", wage="2,000,000", **extra
):
    row = {
        "이름": name,
        "생년월일": birth,
        "성별": "여성",
        "휴대전화": phone,
        "거주 행정동": dong,
        "구외 거주 지역": "",
        "최종 학력": "고등학교 졸업",
        "고용 상태": "실업",
        "우선 지원 대상": "한부모가정",
        "보유 기술·자격증": "조리, 한식조리기능사",
        "희망 고용 형태": "정규직, 시간제",
        "희망 월급(원)": wage,
        "수집·이용 동의 일시": "2026년 11월 1일",
    }
    row.update(extra)
    return [row[header] for header in RESIDENT_HEADERS]
