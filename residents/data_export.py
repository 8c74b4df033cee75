"""Everything the portal keeps about one resident, for their own download (PIPA Art. 35, right of access).

Labels are the models' own (Korean, English in English mode); codes are shown by their labels,
yes/no in words, times in Korea Standard Time in the format the pages use. Every model that refers to
a resident appears here; tests/residents/test_data_download.py fails when a new one is left out.
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from references.choices import EmploymentType
from residents.models import ConsentRecord, Resident, ResidentPriorityGroup
from spreadsheets.formulas import neutralise_formula

# Models that refer to a resident (directly, or through an application, placement or saved search) and
# the section of the download that holds their records; the apps above residents add theirs.
SECTIONS = {
    "residents.Resident": "profile",
    "residents.ResidentPriorityGroup": "profile",
    "residents.ConsentRecord": "consents",
    "audit.PersonalDataAccess": "access_log",
    "residents.PriorityVerification": "priority_verifications",
}

# Sections that apps above residents add from their AppConfig.ready() (placements: job applications,
# placements and retention checks; programs: program applications; alerts: saved searches; casework:
# case records): residents never imports them. key -> (title, builder(resident) -> list of records).
REGISTERED_SECTIONS = {}
# Where each section stands in the download: residents' own, and the registered ones by their `order`.
SECTION_ORDER = {
    "about": 0,
    "profile": 10,
    "account": 20,
    "consents": 30,
    "priority_verifications": 100,
    "access_log": 110,
}


def register_section(*, key, title, models, builder, order=1000):
    """Add a higher app's records about a resident to the download; `models` are the model labels
    the section covers (so the completeness test knows them); `order` places it among the sections."""
    REGISTERED_SECTIONS[key] = (title, builder)
    SECTION_ORDER[key] = order
    for label in models:
        SECTIONS[label] = key


def _in_order(sections):
    return dict(sorted(sections.items(), key=lambda item: SECTION_ORDER.get(item[0], 1000)))


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
    return _in_order(
        {
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
            "priority_verifications": _priority_verifications(resident),
            "access_log": _access_log(resident),
            **{key: builder(resident) for key, (_title, builder) in REGISTERED_SECTIONS.items()},
        }
    )


def section_titles():
    return {
        "about": _("이 파일"),
        "profile": _("기본 정보"),
        "account": _("로그인 계정"),
        "consents": _("동의 기록"),
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
