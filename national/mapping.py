"""Reading one national posting (a dict of the list answer's tags) into vacancy fields.

Everything the portal cannot read is left at a safe default rather than refused: a posting
is a pointer to the national service, where the resident applies."""

import datetime
import re

from django.core.exceptions import ValidationError

from employers.models import Vacancy
from guro_jobs.validators import normalize_business_number
from references.choices import Career, EducationLevel, EmploymentType, SeoulDistrict, WageUnit

WAGE_UNITS = {"시급": WageUnit.HOURLY, "일급": WageUnit.DAILY, "월급": WageUnit.MONTHLY, "연봉": WageUnit.YEARLY,
              "H": WageUnit.HOURLY, "D": WageUnit.DAILY, "M": WageUnit.MONTHLY, "Y": WageUnit.YEARLY}  # fmt: skip
# 고용형태코드: 10 기간의 정함이 없는 근로계약, 11 (시간선택제), 20 기간의 정함이 있는 근로계약,
# 21 (시간선택제), 4 파견근로, 3 대체인력.
EMPLOYMENT_TYPES = {"10": EmploymentType.FULL_TIME, "11": EmploymentType.PART_TIME, "20": EmploymentType.CONTRACT,
                    "21": EmploymentType.PART_TIME, "4": EmploymentType.CONTRACT, "3": EmploymentType.CONTRACT}  # fmt: skip
EDUCATION = [  # (word in minEdubg, level), first match wins
    ("무관", ""),
    ("박사", EducationLevel.GRADUATE_SCHOOL),
    ("석사", EducationLevel.GRADUATE_SCHOOL),
    ("대학원", EducationLevel.GRADUATE_SCHOOL),
    ("2~3년", EducationLevel.JUNIOR_COLLEGE),
    ("전문대", EducationLevel.JUNIOR_COLLEGE),
    ("대졸", EducationLevel.UNIVERSITY),
    ("대학", EducationLevel.UNIVERSITY),
    ("고졸", EducationLevel.HIGH_SCHOOL),
    ("고등", EducationLevel.HIGH_SCHOOL),
    ("중졸", EducationLevel.MIDDLE_SCHOOL),
    ("초졸", EducationLevel.MIDDLE_SCHOOL),
]
DISTRICTS = {str(label): value for value, label in SeoulDistrict.choices}
TITLE_SPACE = re.compile(r"\s+")


def normalized_title(title):
    """Titles compared for duplicates: case and spacing do not count."""
    return TITLE_SPACE.sub("", title or "").casefold()


def business_number(raw):
    try:
        return normalize_business_number(raw) if raw else ""
    except ValidationError:
        return ""


def number(raw):
    digits = re.sub(r"[^0-9]", "", raw or "")
    return int(digits) if digits else 0


def date(raw):
    """The last date in the text: "24-05-31", "2024-05-31", "채용시까지 24-06-30"; None for "상시"."""
    found = re.findall(r"(\d{2,4})[-./](\d{1,2})[-./](\d{1,2})", raw or "")
    if not found:
        return None
    year, month, day = (int(part) for part in found[-1])
    if year < 100:
        year += 2000
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def career(raw):
    text = raw or ""
    if "관계없음" in text or "무관" in text or ("신입" in text and "경력" in text):
        return Career.ANY, 0
    if "경력" in text:
        years = re.search(r"(\d+)\s*년", text)
        months = re.search(r"(\d+)\s*개월", text)
        return Career.EXPERIENCED, int(years.group(1)) if years else (1 if months else 0)
    if "신입" in text:
        return Career.NEW, 0
    return Career.ANY, 0


def education(raw):
    for word, level in EDUCATION:
        if word in (raw or ""):
            return level
    return ""


def district(*texts):
    for text in texts:
        for name, code in DISTRICTS.items():
            if f"서울 {name}" in (text or "") or f"서울특별시 {name}" in (text or ""):
                return code
    return ""


def work_days(raw):
    found = re.search(r"주\s*(\d)\s*일", raw or "")
    return int(found.group(1)) if found and 1 <= int(found.group(1)) <= 7 else None


def occupation_for(jobs_code, occupations):
    """The KECO group a national occupation code (jobsCd, e.g. 133100) falls in: its first three
    digits are the KECO minor group; failing that the middle, then the major group."""
    digits = re.sub(r"[^0-9]", "", jobs_code or "")
    for length in (3, 2, 1):
        if len(digits) >= length and digits[:length] in occupations:
            return occupations[digits[:length]]
    return None


def vacancy_fields(posting):
    """The vacancy fields of one posting (without employer and occupation, resolved in bulk)."""
    unit = WAGE_UNITS.get(posting.get("salTpNm", "").strip(), WageUnit.MONTHLY)
    career_kind, career_years = career(posting.get("career"))
    posted_on = date(posting.get("regDt"))
    closes_on = date(posting.get("closeDt"))
    if posted_on and closes_on and closes_on < posted_on:
        closes_on = None
    address = " ".join(part for part in (posting.get("basicAddr"), posting.get("detailAddr")) if part)
    url = posting.get("wantedInfoUrl", "")
    return {
        "title": (posting.get("title") or "")[:120] or "(제목 없음)",
        "description": posting.get("jobCont")
        or " · ".join(
            part for part in (posting.get("indTpNm"), posting.get("sal"), posting.get("holidayTpNm")) if part
        )
        or "고용24 공고",
        "employment_type": EMPLOYMENT_TYPES.get(posting.get("empTpCd", ""), EmploymentType.CONTRACT),
        "wage_amount": min(number(posting.get("minSal")) or number(posting.get("sal")), 2_000_000_000),
        "wage_unit": unit,
        "weekly_hours": 40,
        "work_days_per_week": work_days(posting.get("holidayTpNm")),
        "work_place": (address or posting.get("region") or "")[:200],
        "district": district(posting.get("region"), address),
        "openings": 1,
        "career": career_kind,
        "career_min_years": min(career_years, 50),
        "required_education": education(posting.get("minEdubg")),
        "posted_on": posted_on,
        "closes_on": closes_on,
        "source": Vacancy.Source.NATIONAL,
        "external_url": url[:500] if url.startswith(("https://", "http://")) else "",
    }
