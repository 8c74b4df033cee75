"""Add national (고용24) vacancies to a seeded database, through the real sync service, for the
load test at Guro scale (30,000 local + 50,000 national vacancies). Not a test.

    DATABASE_URL=postgres://… python bench/seed_national_vacancies.py --count 50000
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guro_jobs.settings")

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from guro_jobs.validators import business_number_check_digit  # noqa: E402
from national import services  # noqa: E402
from national.client import ListPage  # noqa: E402
from references import keco2018  # noqa: E402

REGIONS = [("11530", "서울 구로구"), ("11470", "서울 양천구"), ("11560", "서울 영등포구"), ("11545", "서울 금천구"),
           ("11620", "서울 관악구")]  # fmt: skip
WORDS = ["생산직", "사무보조", "조리원", "경비원", "배송기사", "판매원", "상담원", "개발자", "간호조무사", "요양보호사",
         "회계담당", "물류관리", "전기기사", "용접공", "디자이너", "미화원"]  # fmt: skip
UNITS = [
    ("월급", 2_100_000, 3_500_000),
    ("시급", 10_030, 13_000),
    ("연봉", 26_000_000, 45_000_000),
    ("일급", 90_000, 150_000),
]


def business_number(n):
    first_nine = f"{200 + n // 1_000_000:03d}{n % 1_000_000:06d}"
    return first_nine + str(business_number_check_digit(first_nine))


def postings(count, companies, rng):
    today = timezone.localdate()
    minors = [code for code, *_ in keco2018.MINOR]
    for number in range(count):
        company = rng.randrange(companies)
        region, region_name = rng.choice(REGIONS)
        unit, low, high = rng.choice(UNITS)
        posted = today - datetime.timedelta(days=rng.randrange(30))
        closes = today + datetime.timedelta(days=rng.randrange(1, 45))
        yield {
            "wantedAuthNo": f"KB{number:010d}",
            "company": f"고용24 시험기업 {company}",
            "busino": business_number(company),
            "title": f"{rng.choice(WORDS)} 모집 {number % 997}",
            "salTpNm": unit,
            "minSal": str(rng.randrange(low, high)),
            "region": region_name,
            "holidayTpNm": rng.choice(["주5일근무", "주6일근무", "주3일근무"]),
            "minEdubg": rng.choice(["학력무관", "고졸", "대졸(2~3년)", "대졸(4년)"]),
            "career": rng.choice(["신입", "경력", "관계없음", "경력(2년이상)"]),
            "regDt": posted.strftime("%y-%m-%d"),
            "closeDt": closes.strftime("%y-%m-%d"),
            "wantedInfoUrl": f"https://www.work.go.kr/empInfo/empInfoSrch/detail/empDetailAuthView.do?wantedAuthNo=KB{number:010d}",
            "basicAddr": f"{region_name.replace('서울', '서울특별시')} 시험로 {number % 300}",
            "empTpCd": rng.choice(["10", "11", "20", "21"]),
            "jobsCd": rng.choice(minors) + "100",
            "indTpNm": "시험 업종",
        }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--companies", type=int, default=3_000)
    parser.add_argument("--page-size", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=2024)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    items = list(postings(options.count, options.companies, rng))
    pages = [
        ListPage(total=len(items), start_page=i // options.page_size + 1, display=options.page_size,
                 postings=items[i : i + options.page_size], region="bench")
        for i in range(0, len(items), options.page_size)
    ]  # fmt: skip
    started = time.perf_counter()
    run = services.sync_from_pages(pages=pages)
    print(
        f"{run.get_status_display()}: {run.created} created, {run.updated} updated in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
