"""Reading residents: retention, and a resident's own records (/me/ and the data download)."""

import datetime

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone

from placements.models import JobApplication, JobApplicationEvent, Placement
from programs.models import ProgramApplication, ProgramApplicationEvent
from residents.models import ConsentRecord, Resident, ResidentPriorityGroup


def retention_cutoff(now=None):
    """Residents inactive since before this moment are past the retention period in the consent."""
    now = now or timezone.now()
    years = settings.RESIDENT_RETENTION_YEARS
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def residents_due_for_anonymisation(now=None):
    """Not yet anonymised, and either asked to be deleted or inactive past the retention period."""
    return Resident.objects.filter(anonymised_at__isnull=True).filter(
        Q(deletion_requested_at__isnull=False) | Q(last_active_at__lt=retention_cutoff(now))
    )


def job_applications_of(resident):
    return (
        JobApplication.objects.filter(resident=resident)
        .select_related("vacancy__employer")
        .prefetch_related(
            Prefetch("events", queryset=JobApplicationEvent.objects.order_by("occurred_at", "id"))
        )
    )


def program_applications_of(resident):
    return (
        ProgramApplication.objects.filter(resident=resident)
        .select_related("program")
        .prefetch_related(
            Prefetch("events", queryset=ProgramApplicationEvent.objects.order_by("occurred_at", "id"))
        )
    )


def placements_of(resident):
    return Placement.objects.filter(resident=resident).select_related("employer", "program", "dong_at_hire")


def priority_claims_of(resident):
    """A resident's priority claims with their document check; each knows its state."""
    return (
        ResidentPriorityGroup.objects.filter(resident=resident)
        .select_related("priority_group")
        .order_by("priority_group__sort_order", "priority_group__name")
    )


def claims_to_reverify(on_day=None, soon_days=30):
    """Verified claims past their validity or ending within soon_days: staff check them again."""
    on_day = on_day or timezone.localdate()
    horizon = on_day + datetime.timedelta(days=soon_days)
    return (
        ResidentPriorityGroup.objects.filter(verified_at__isnull=False, valid_until__lte=horizon)
        .exclude(resident__anonymised_at__isnull=False)
        .select_related("resident", "priority_group")
        .order_by("valid_until", "pk")
    )


def _iso(value):
    return value.isoformat() if value else None


def resident_data_export(resident):
    """Everything the portal holds about one resident, as plain data (PIPA right of access)."""
    profile = {
        "이름": resident.name,
        "생년월일": _iso(resident.birth_date),
        "성별": resident.get_gender_display(),
        "휴대전화": resident.phone,
        "이메일": resident.email,
        "거주 행정동": str(resident.dong) if resident.dong else "",
        "구외 거주 지역": resident.outside_region,
        "최종 학력": resident.get_education_level_display(),
        "고용 상태": resident.get_employment_status_display(),
        "구직 시작일": _iso(resident.unemployed_since),
        "보유 기술·자격증": [str(skill) for skill in resident.skills.all()],
        "희망 직종": [str(occupation) for occupation in resident.desired_occupations.all()],
        "희망 고용 형태": list(resident.desired_employment_types),
        "희망 월급(원)": resident.desired_monthly_wage,
        "경력 요약": resident.career_summary,
        "우선 지원 대상": [
            {
                "이름": link.priority_group.name,
                "확인 상태": str(link.get_state_display()),
                "확인 일시": _iso(link.verified_at),
                "유효 기간": _iso(link.valid_until),
            }
            for link in resident.residentprioritygroup_set.select_related("priority_group")
        ],
        "수집·이용 동의 일시": _iso(resident.collection_consented_at),
        "제3자(기업) 제공 동의 일시": _iso(resident.provision_consented_at),
        "동의서 버전": resident.consent_version,
        "탈퇴 요청 일시": _iso(resident.deletion_requested_at),
        "등록 일시": _iso(resident.created_at),
    }
    return {
        "profile": profile,
        "consents": [
            {
                "종류": record.get_kind_display(),
                "동의 여부": record.granted,
                "동의서 버전": record.text_version,
                "기록 일시": _iso(record.recorded_at),
            }
            for record in ConsentRecord.objects.filter(resident=resident)
        ],
        "job_applications": [
            {
                "공고": application.vacancy.title,
                "기업": application.vacancy.employer.name,
                "상태": application.get_status_display(),
                "지원 일시": _iso(application.created_at),
                "이력": [
                    {"상태": event.get_status_display(), "일시": _iso(event.occurred_at)}
                    for event in application.events.all()
                ],
            }
            for application in job_applications_of(resident)
        ],
        "program_applications": [
            {
                "사업": str(application.program),
                "상태": application.get_status_display(),
                "신청 일시": _iso(application.applied_at),
                "결정 사유": application.decision_reason,
                "이력": [
                    {
                        "상태": event.get_status_display(),
                        "일시": _iso(event.occurred_at),
                        "사유": event.reason,
                    }
                    for event in application.events.all()
                ],
            }
            for application in program_applications_of(resident)
        ],
        "placements": [
            {
                "경로": placement.get_source_display(),
                "기업": placement.employer.name if placement.employer else "",
                "사업": str(placement.program) if placement.program else "",
                "근무 시작일": _iso(placement.started_on),
                "근무 종료일": _iso(placement.ended_on),
                "월 임금(원)": placement.monthly_wage,
            }
            for placement in placements_of(resident)
        ],
    }


def resident_data_rows(resident):
    """The same data flattened to (section, item, value) rows for a CSV download."""
    data = resident_data_export(resident)
    rows = []
    for key, value in data["profile"].items():
        if isinstance(value, list):
            value = "; ".join(item["이름"] if isinstance(item, dict) else str(item) for item in value)
        rows.append(("기본 정보", key, "" if value is None else value))
    for section, label in [
        ("consents", "동의 기록"),
        ("job_applications", "채용 지원"),
        ("program_applications", "사업 참여 신청"),
        ("placements", "취업·참여 실적"),
    ]:
        for index, item in enumerate(data[section], start=1):
            for key, value in item.items():
                if isinstance(value, list):
                    value = " → ".join(f"{event['상태']}({event['일시']})" for event in value)
                rows.append((f"{label} {index}", key, "" if value is None else value))
    return rows
