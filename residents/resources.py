"""Residents in spreadsheets: Korean headers; the same columns for import and export.

A row is recognised as an existing resident by 이름 + 생년월일 + 휴대전화 (the phone normalised
first), so importing the same file twice doubles nobody.
"""

from django.conf import settings
from django.utils import timezone

from guro_jobs.validators import normalize_phone
from references.choices import EducationLevel, EmploymentStatus, EmploymentType, Gender
from references.models import AdministrativeDong, Occupation, PriorityGroup, Skill
from residents.models import Resident
from spreadsheets.resources import KoreanModelResource, column
from spreadsheets.widgets import (
    ChoiceListWidget,
    ChoiceWidget,
    DateTimeWidget,
    DateWidget,
    IntegerWidget,
    LookupWidget,
    NamesWidget,
    is_empty,
    text,
)


class ResidentResource(KoreanModelResource):
    name = column("name", "이름")
    birth_date = column("birth_date", "생년월일", DateWidget())
    gender = column("gender", "성별", ChoiceWidget(Gender))
    phone = column("phone", "휴대전화")
    email = column("email", "이메일")
    dong = column("dong", "거주 행정동", LookupWidget(AdministrativeDong, "name", "구로구 행정동"))
    outside_region = column("outside_region", "구외 거주 지역")
    education_level = column("education_level", "최종 학력", ChoiceWidget(EducationLevel))
    employment_status = column("employment_status", "고용 상태", ChoiceWidget(EmploymentStatus))
    unemployed_since = column("unemployed_since", "구직 시작일", DateWidget())
    priority_groups = column(
        "priority_groups", "우선 지원 대상", NamesWidget(PriorityGroup, label="우선 지원 대상")
    )
    skills = column("skills", "보유 기술·자격증", NamesWidget(Skill, label="기술·자격증"))
    desired_occupations = column("desired_occupations", "희망 직종", NamesWidget(Occupation, label="직종"))
    desired_employment_types = column(
        "desired_employment_types", "희망 고용 형태", ChoiceListWidget(EmploymentType)
    )
    desired_monthly_wage = column("desired_monthly_wage", "희망 월급(원)", IntegerWidget())
    career_summary = column("career_summary", "경력 요약")
    collection_consented_at = column("collection_consented_at", "수집·이용 동의 일시", DateTimeWidget())
    provision_consented_at = column("provision_consented_at", "제3자(기업) 제공 동의 일시", DateTimeWidget())
    consent_version = column("consent_version", "동의서 버전")
    created_at = column("created_at", "등록 일시", DateTimeWidget(), readonly=True)

    column_defaults = {"동의서 버전": lambda: settings.CONSENT_TEXT_VERSION}

    _known = None

    class Meta(KoreanModelResource.Meta):
        model = Resident
        use_bulk = True
        import_id_fields = ["name", "birth_date", "phone"]
        fields = [
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
            "priority_groups",
            "skills",
            "desired_occupations",
            "desired_employment_types",
            "desired_monthly_wage",
            "career_summary",
            "collection_consented_at",
            "provision_consented_at",
            "consent_version",
            "created_at",
        ]
        export_order = fields

    def before_import_row(self, row, **kwargs):
        # Find the existing resident by the phone number as stored (010-1234-5678).
        phone = row.get("휴대전화")
        if not is_empty(phone):
            try:
                row["휴대전화"] = normalize_phone(text(phone))
            except Exception:
                pass  # full_clean reports the bad phone on its cell

    def _key(self, row):
        """(name, birth date, phone as stored) of a row, or None when a cell cannot be read."""
        row = dict(row)
        self.before_import_row(row)
        try:
            key = tuple(self.fields[field].clean(row) for field in self.get_import_id_fields())
        except (ValueError, KeyError):
            return None  # the bad cell is reported when the row is imported
        if any(value in (None, "") for value in key):
            return None
        return key

    def get_instance(self, instance_loader, row):
        # The key prepare_rows worked out for this very row (the phone is normalised the same way).
        keys = self.__dict__.get("_row_keys") or {}
        key = keys.pop(id(row)) if id(row) in keys else self._key(row)
        if key is None:
            return None
        known = self.known_residents().get(key)
        if isinstance(known, Resident):
            return known  # listed earlier in this file, not yet written
        return Resident.objects.filter(pk=known).first() if known else None

    def prepare_rows(self, rows):
        """Before each chunk of a streamed import: the residents its rows name, one query per
        chunk (the oldest record wins). Only those, and the rows of this file still waiting in
        their batch, are kept, so memory does not grow with the file or the register."""
        waiting = {key: value for key, value in (self._known or {}).items() if isinstance(value, Resident)}
        self._row_keys = {id(row): self._key(row) for row in rows}  # the rows live until imported
        keys = {key for key in self._row_keys.values() if key is not None}
        self._known = {}
        phones = {phone for _name, _birth_date, phone in keys}
        for pk, name, birth_date, phone in (
            Resident.objects.filter(phone__in=phones)
            .order_by("-pk")
            .values_list("pk", "name", "birth_date", "phone")
        ):
            if (name, birth_date, phone) in keys:
                self._known[(name, birth_date, phone)] = pk
        self._known.update(waiting)

    def known_residents(self):
        """{(name, birth date, phone): id or the record waiting in its batch}: the residents the
        current chunk names (see prepare_rows), or, when rows come without chunks, every
        resident, read once per import (one query instead of one per row)."""
        if getattr(self, "_known", None) is None:
            self._known = {}
            for pk, name, birth_date, phone in Resident.objects.order_by("-pk").values_list(
                "pk", "name", "birth_date", "phone"
            ):
                self._known[(name, birth_date, phone)] = pk  # the oldest record wins
        return self._known

    def after_save_instance(self, instance, row, **kwargs):
        # A person listed twice in one file is recognised on the second row, even while the
        # first row still waits in its batch (it is then updated in place).
        key = (instance.name, instance.birth_date, instance.phone)
        self.known_residents()[key] = instance.pk or instance

    def after_bulk_write(self, instances):
        known = self.known_residents()
        for instance in instances:
            known[(instance.name, instance.birth_date, instance.phone)] = instance.pk

    def init_instance(self, row=None):
        return Resident(last_active_at=timezone.now())

    def with_related(self, queryset):
        return queryset.select_related("dong").prefetch_related(
            "priority_groups", "skills", "desired_occupations"
        )
