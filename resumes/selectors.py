"""Reading resumes: a resident's list, career length from the history, and the snapshot an
application keeps."""

import datetime
import json

from django.db.models import Prefetch
from django.utils import timezone

from resumes.models import CareerEntry, Resume


def resumes_of(resident):
    return (
        Resume.objects.filter(resident=resident)
        .prefetch_related("desired_occupations", "education", "careers", "certificates", "languages")
        .order_by("-is_default", "-updated_at", "-id")
    )


def default_resume_of(resident):
    return Resume.objects.filter(resident=resident).order_by("-is_default", "-updated_at", "-id").first()


def merged_periods(periods):
    """(start, end) date pairs with overlapping or touching periods joined into one."""
    merged = []
    for start, end in sorted(periods):
        if merged and start <= merged[-1][1] + datetime.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def career_months_from(entries, today=None):
    """Whole months worked in these career entries, a month worked at two places counted once;
    a current job runs to today."""
    today = today or timezone.localdate()
    periods = []
    for entry in entries:
        end = today if entry.is_current or entry.ended_on is None else entry.ended_on
        start = entry.started_on
        if start and start <= end:
            periods.append((start, end))
    return sum(whole_months(start, end) for start, end in merged_periods(periods))


def whole_months(start, end):
    """Calendar months from the first to the last day worked, both counted (1 Jan–31 Dec is 12)."""
    after = end + datetime.timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    return max(months - (after.day < start.day), 0)


def career_months(resident, today=None):
    """A resident's career in whole months, from the career history of all their resumes (the
    same job written in two resumes is counted once, as overlapping periods are)."""
    entries = CareerEntry.objects.filter(resume__resident=resident).only(
        "started_on", "ended_on", "is_current"
    )
    return career_months_from(entries, today)


def career_years(resident, today=None):
    return career_months(resident, today) // 12


def career_entries_sql():
    """A resident's career entries as a JSON array of [started_on, ended_on, is_current], a
    sub-select over `resident.id` for the query that reads the signed-in resident
    (residents.permissions.read_along_with_resident)."""
    entries, resumes = CareerEntry._meta.db_table, Resume._meta.db_table
    return (
        "SELECT COALESCE(json_agg(json_build_array(entry.started_on, entry.ended_on, entry.is_current)),"
        f" '[]')::text FROM {entries} entry JOIN {resumes} resume ON entry.resume_id = resume.id"
        " WHERE resume.resident_id = resident.id",
        [],
    )


def career_years_from_read(entries_json, today=None):
    """career_years from what career_entries_sql() read."""
    read = [
        CareerEntry(
            started_on=datetime.date.fromisoformat(started_on),
            ended_on=datetime.date.fromisoformat(ended_on) if ended_on else None,
            is_current=is_current,
        )
        for started_on, ended_on, is_current in json.loads(entries_json)
    ]
    return career_months_from(read, today) // 12


def career_months_by_resident(resident_ids, today=None):
    """career_months for many residents in one query (matching scores hundreds at once)."""
    grouped = {}
    entries = CareerEntry.objects.filter(resume__resident__in=list(resident_ids)).values_list(
        "resume__resident_id", "started_on", "ended_on", "is_current"
    )
    for resident_id, started_on, ended_on, is_current in entries:
        grouped.setdefault(resident_id, []).append(
            CareerEntry(started_on=started_on, ended_on=ended_on, is_current=is_current)
        )
    return {resident_id: career_months_from(items, today) for resident_id, items in grouped.items()}


def _day(value):
    return value.isoformat() if value else None


def resume_snapshot(resume):
    """Everything an employer reads of a resume, as plain JSON: frozen into the application."""
    resume = (
        Resume.objects.prefetch_related(
            "desired_occupations",
            "education",
            Prefetch("careers", queryset=CareerEntry.objects.order_by("started_on", "id")),
            "certificates",
            "languages",
        )
        .select_related("resident")
        .get(pk=resume.pk)
    )
    return {
        "resume_id": resume.pk,
        "title": resume.title,
        "desired_occupations": [occupation.name for occupation in resume.desired_occupations.all()],
        "desired_employment_types": list(resume.desired_employment_types or []),
        "desired_monthly_wage": resume.desired_monthly_wage,
        "desired_area": resume.desired_area,
        "growth": resume.growth,
        "motivation": resume.motivation,
        "aspirations": resume.aspirations,
        "other": resume.other,
        "education": [
            {
                "school": entry.school,
                "major": entry.major,
                "started_on": _day(entry.started_on),
                "ended_on": _day(entry.ended_on),
                "status": entry.status,
                "status_label": str(entry.get_status_display()),
            }
            for entry in resume.education.all()
        ],
        "careers": [
            {
                "employer_name": entry.employer_name,
                "started_on": _day(entry.started_on),
                "ended_on": _day(entry.ended_on),
                "is_current": entry.is_current,
                "position": entry.position,
                "duties": entry.duties,
            }
            for entry in resume.careers.all()
        ],
        "career_months": career_months_from(resume.careers.all()),
        "certificates": [
            {
                "name": entry.name,
                "issuer": entry.issuer,
                "acquired_on": _day(entry.acquired_on),
                "number": entry.number,
            }
            for entry in resume.certificates.all()
        ],
        "languages": [{"language": entry.language, "level": entry.level} for entry in resume.languages.all()],
        "file_name": resume.file_name,
        "taken_at": timezone.now().isoformat(),
    }
