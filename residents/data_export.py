"""Everything the portal keeps about one resident, for their own download (PIPA Art. 35, right of access).

Labels are the models' own (Korean, English in English mode); codes are shown by their labels,
yes/no in words, times in Korea Standard Time in the format the pages use. Every model that refers to
a resident appears here; tests/residents/test_data_download.py fails when a new one is left out.
"""

import datetime

from django.db.models import Prefetch
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from references.choices import EmploymentType
from residents.models import ConsentRecord, Resident, ResidentPriorityGroup
from spreadsheets.formulas import neutralise_formula

# Models that refer to a resident (directly, or through an application, placement or saved search) and
# the section of the download that holds their records.
SECTIONS = {
    "residents.Resident": "profile",
    "residents.ResidentPriorityGroup": "profile",
    "residents.ConsentRecord": "consents",
    "placements.JobApplication": "job_applications",
    "placements.JobApplicationEvent": "job_applications",
    "programs.ProgramApplication": "program_applications",
    "programs.ProgramApplicationEvent": "program_applications",
    "placements.Placement": "placements",
    "placements.RetentionCheck": "retention_checks",
    "alerts.SavedSearch": "saved_searches",
    "alerts.SentAlert": "saved_searches",
    "audit.PersonalDataAccess": "access_log",
    "residents.PriorityVerification": "priority_verifications",
}

# Sections that apps above residents add (casework registers its case records in its AppConfig.ready):
# residents never imports them. key -> (title, builder(resident) -> list of records).
REGISTERED_SECTIONS = {}


def register_section(*, key, title, models, builder):
    """Add a higher app's records about a resident to the download; `models` are the model labels
    the section covers (so the completeness test knows them)."""
    REGISTERED_SECTIONS[key] = (title, builder)
    for label in models:
        SECTIONS[label] = key


def _label(model, field_name):
    return str(model._meta.get_field(field_name).verbose_name)


def when(value):
    """A moment in Korea Standard Time, written as the pages write it (English format in English)."""
    if not value:
        return ""
    local = timezone.localtime(value)
    if (get_language() or "ko").startswith("ko"):
        return formats.date_format(local, "Y년 n월 j일 H:i:s")
    return formats.date_format(local, "DATETIME_FORMAT")


def day(value):
    if not value:
        return ""
    if (get_language() or "ko").startswith("ko"):
        return formats.date_format(value, "Y년 n월 j일")
    return formats.date_format(value, "DATE_FORMAT")


def yes_no(value):
    if value is None:
        return ""
    return _("예") if value else _("아니요")


def _value(obj, field_name):
    """A field of a record as a person reads it: a label for a code, words for yes/no, KST times."""
    field = obj._meta.get_field(field_name)
    value = getattr(obj, field_name)
    if field.choices:
        return getattr(obj, f"get_{field_name}_display")() if value not in (None, "") else ""
    if isinstance(value, bool) or field.get_internal_type() == "BooleanField":
        return yes_no(value)
    if isinstance(value, datetime.datetime):
        return when(value)
    if isinstance(value, datetime.date):
        return day(value)
    if field.is_relation:
        return str(value) if value is not None else ""
    return "" if value is None else value


def _record(obj, field_names):
    return {_label(type(obj), name): _value(obj, name) for name in field_names}


PROFILE_FIELDS = [
    "name",
    "birth_date",
    "gender",
    "phone",
    "email",
    "dong",
    "outside_region",
    "education_level",
    "employment_status",
    "unemployed_since",
    "desired_monthly_wage",
    "career_summary",
    "collection_consented_at",
    "provision_consented_at",
    "consent_version",
    "deletion_requested_at",
    "created_at",
    "updated_at",
    "last_active_at",
]


def _profile(resident):
    profile = _record(resident, PROFILE_FIELDS)
    profile[_label(Resident, "skills")] = [str(skill) for skill in resident.skills.all()]
    profile[_label(Resident, "desired_occupations")] = [str(o) for o in resident.desired_occupations.all()]
    labels = dict(EmploymentType.choices)
    profile[_label(Resident, "desired_employment_types")] = [
        str(labels.get(code, code)) for code in resident.desired_employment_types
    ]
    profile[_label(Resident, "priority_groups")] = [
        {
            _label(ResidentPriorityGroup, "priority_group"): link.priority_group.name,
            _("직원 확인"): yes_no(link.verified_at is not None),
            _label(ResidentPriorityGroup, "verified_at"): when(link.verified_at),
            _label(ResidentPriorityGroup, "valid_until"): day(link.valid_until),
        }
        for link in ResidentPriorityGroup.objects.filter(resident=resident).select_related("priority_group")
    ]
    return profile


def _account(resident):
    user = resident.user
    if user is None:
        return {}
    from notifications.kinds import MailKind

    opted_out = set(user.mail_opt_outs or [])
    return {
        _("로그인 아이디"): user.get_username(),
        _("가입 일시"): when(user.date_joined),
        _("최근 로그인 일시"): when(user.last_login),
        _("받지 않기로 한 알림 메일"): [str(kind.label) for kind in MailKind if kind.value in opted_out],
        _("알림 받는 방법"): str(user.get_notice_channel_display()),
    }


def _job_applications(resident):
    from placements.models import JobApplication, JobApplicationEvent

    applications = (
        JobApplication.objects.filter(resident=resident)
        .select_related("vacancy__employer")
        .prefetch_related(
            Prefetch("events", queryset=JobApplicationEvent.objects.order_by("occurred_at", "id"))
        )
    )
    return [
        {
            _label(JobApplication, "vacancy"): application.vacancy.title,
            _("기업"): application.vacancy.employer.name,
            **_record(application, ["status", "created_at", "status_changed_at"]),
            _("구청 알선"): yes_no(application.referred_by_id is not None),
            _("처리 이력"): [
                _record(event, ["occurred_at", "status", "note"]) for event in application.events.all()
            ],
        }
        for application in applications
    ]


def _program_applications(resident):
    from programs.models import ProgramApplication, ProgramApplicationEvent

    applications = (
        ProgramApplication.objects.filter(resident=resident)
        .select_related("program")
        .prefetch_related(
            Prefetch("events", queryset=ProgramApplicationEvent.objects.order_by("occurred_at", "id"))
        )
    )
    fields = ["program", "status", "priority_score", "waitlist_position", "decision_reason", "applied_at"]
    return [
        {
            **_record(application, [*fields, "decided_at"]),
            _("처리 이력"): [
                _record(event, ["occurred_at", "status", "reason"]) for event in application.events.all()
            ],
        }
        for application in applications
    ]


PLACEMENT_FIELDS = [
    "source",
    "sector",
    "employer",
    "agreement",
    "program",
    "started_on",
    "ended_on",
    "monthly_wage",
    "guro_resident_at_hire",
    "dong_at_hire",
    "gender",
    "age_at_hire",
    "recorded_at",
    "status",
    "cancelled_at",
    "cancellation_reason",
]


def _placements(resident):
    from placements.models import Placement

    placements = Placement.objects.filter(resident=resident).select_related(
        "employer", "agreement__employer", "program", "dong_at_hire"
    )
    return [
        {
            **_record(placement, PLACEMENT_FIELDS),
            _label(Placement, "priority_groups"): [group.name for group in placement.priority_groups.all()],
        }
        for placement in placements.prefetch_related("priority_groups")
    ]


def _retention_checks(resident):
    from placements.models import RetentionCheck

    checks = RetentionCheck.objects.filter(placement__resident=resident).select_related(
        "placement__employer", "placement__program"
    )
    return [
        {
            _label(RetentionCheck, "placement"): str(
                check.placement.employer or check.placement.program or ""
            ),
            _("근무 시작일"): day(check.placement.started_on),
            **_record(check, ["months_after_start", "due_on", "checked_on", "still_employed", "note"]),
        }
        for check in checks.order_by("placement__started_on", "months_after_start")
    ]


def _saved_searches(resident):
    from alerts.models import SavedSearch

    searches = SavedSearch.objects.filter(resident=resident).prefetch_related("sent_alerts__vacancy")
    return [
        {
            **_record(search, ["query", "created_at", "last_sent_at"]),
            _("발송한 채용 알림"): [
                {_("채용 공고"): sent.vacancy.title, _("발송 일시"): when(sent.sent_at)}
                for sent in search.sent_alerts.all()
            ],
        }
        for search in searches
    ]


def _priority_verifications(resident):
    """Each document check of a priority claim (the claim's current state is in the profile)."""
    from residents.models import PriorityVerification

    checks = PriorityVerification.objects.filter(resident=resident).select_related("priority_group")
    return [
        _record(check, ["priority_group", "document_type", "verified_at", "valid_until"])
        for check in checks.order_by("verified_at", "id")
    ]


def _access_log(resident):
    """Who in the district opened the record, and what was done (the staff member's account and
    address are the staff member's own data and are left out)."""
    from audit.models import PersonalDataAccess

    entries = PersonalDataAccess.objects.filter(resident=resident).order_by("occurred_at", "id")
    return [_record(entry, ["occurred_at", "action", "target", "detail"]) for entry in entries]


def resident_data_export(resident):
    """Everything the portal holds about one resident, as labelled plain data (PIPA right of access)."""
    return {
        "about": {
            _("내려받은 일시"): when(timezone.now()),
            _("시각 기준"): _("한국 표준시(KST, UTC+9)"),
            _("설명"): _("구로 일자리 원스톱 포털이 보관하는 내 개인정보와 처리 기록 전체입니다."),
        },
        "profile": _profile(resident),
        "account": _account(resident),
        "consents": [
            _record(record, ["kind", "granted", "text_version", "recorded_at", "ip_address"])
            for record in ConsentRecord.objects.filter(resident=resident).order_by("recorded_at", "id")
        ],
        "job_applications": _job_applications(resident),
        "program_applications": _program_applications(resident),
        "placements": _placements(resident),
        "retention_checks": _retention_checks(resident),
        "saved_searches": _saved_searches(resident),
        "priority_verifications": _priority_verifications(resident),
        "access_log": _access_log(resident),
        **{key: builder(resident) for key, (_title, builder) in REGISTERED_SECTIONS.items()},
    }


def section_titles():
    return {
        "about": _("이 파일"),
        "profile": _("기본 정보"),
        "account": _("로그인 계정"),
        "consents": _("동의 기록"),
        "job_applications": _("채용 지원"),
        "program_applications": _("사업 참여 신청"),
        "placements": _("취업·참여 실적"),
        "retention_checks": _("고용 유지 확인"),
        "saved_searches": _("맞춤 채용 알림"),
        "priority_verifications": _("우선 지원 대상 서류 확인"),
        "access_log": _("개인정보 접속 기록"),
        **{key: str(title) for key, (title, _builder) in REGISTERED_SECTIONS.items()},
    }


def _flat(value):
    """A nested value as one spreadsheet cell: lists joined, records written label: value."""
    if isinstance(value, list):
        return " / ".join(_flat(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_flat(item)}" for key, item in value.items() if item not in ("", None, []))
    return "" if value is None else str(value)


def resident_data_rows(resident):
    """The same data flattened to (section, item, value) rows for a CSV download; text that a
    spreadsheet would run as a formula is neutralised."""
    data = resident_data_export(resident)
    titles = section_titles()
    rows = []
    for key, section in data.items():
        title = titles[key]
        records = [section] if isinstance(section, dict) else section
        for index, record in enumerate(records, start=1):
            name = title if isinstance(section, dict) else f"{title} {index}"
            for item, value in record.items():
                rows.append((name, item, _flat(value)))
    return [tuple(neutralise_formula(cell) for cell in row) for row in rows]
