"""Placements in spreadsheets (Korean headers, the same for import and export).

The person is found by 구직자 이름 + 생년월일 + 휴대전화; a placement by its 실적 번호 (empty for
a new one). Sector and Guro residency at hire, when left empty, follow from the source and the
resident's record; the 1/3/6/12-month retention checks are created for every imported placement.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from employers.models import Agreement
from employers.resources import employer_lookup
from guro_jobs.validators import normalize_phone
from placements.models import Placement
from placements.services import create_retention_checks
from programs.models import Program
from references.choices import Gender, Sector
from references.models import AdministrativeDong
from residents.models import Resident
from spreadsheets.resources import KoreanModelResource, column
from spreadsheets.widgets import (
    BooleanWidget,
    ChoiceWidget,
    DateWidget,
    IntegerWidget,
    LookupWidget,
    is_empty,
    text,
)

RESIDENT_COLUMNS = ("구직자 이름", "구직자 생년월일", "구직자 휴대전화")


class PlacementResource(KoreanModelResource):
    id = column("id", "실적 번호", IntegerWidget())
    resident_name = column("resident__name", "구직자 이름", readonly=True)
    resident_birth_date = column("resident__birth_date", "구직자 생년월일", DateWidget(), readonly=True)
    resident_phone = column("resident__phone", "구직자 휴대전화", readonly=True)
    source = column("source", "경로", ChoiceWidget(Placement.Source))
    sector = column("sector", "부문", ChoiceWidget(Sector))
    employer = column("employer", "기업 사업자등록번호", employer_lookup())
    agreement = column("agreement", "협약 번호", LookupWidget(Agreement, "pk", "협약 번호"))
    program = column("program", "사업 코드", LookupWidget(Program, "code", "일자리 사업 코드"))
    started_on = column("started_on", "근무 시작일", DateWidget())
    ended_on = column("ended_on", "근무 종료일", DateWidget())
    monthly_wage = column("monthly_wage", "월 임금(원)", IntegerWidget())
    guro_resident_at_hire = column("guro_resident_at_hire", "채용 당시 구로구 주민", BooleanWidget())
    dong_at_hire = column(
        "dong_at_hire", "채용 당시 거주 행정동", LookupWidget(AdministrativeDong, "name", "구로구 행정동")
    )
    gender = column("gender", "성별", ChoiceWidget(Gender))
    age_at_hire = column("age_at_hire", "채용 당시 나이(만)", IntegerWidget())

    error_columns = {"resident": "구직자 이름"}
    # Left empty, these follow from the source and the resident's record (fill_facts_at_hire).
    column_defaults = {"부문": "", "채용 당시 구로구 주민": ""}

    class Meta(KoreanModelResource.Meta):
        model = Placement
        import_id_fields = ["id"]
        fields = [
            "id",
            "resident_name",
            "resident_birth_date",
            "resident_phone",
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
        ]
        export_order = fields

    def get_instance(self, instance_loader, row):
        try:
            pk = self.fields["id"].clean(row)
        except (ValueError, KeyError):
            return None
        return Placement.objects.filter(pk=pk).first() if pk else None

    def find_resident(self, row):
        name, birth, phone = (row.get(header) for header in RESIDENT_COLUMNS)
        if any(is_empty(value) for value in (name, birth, phone)):
            raise ValueError(_("구직자 이름, 생년월일, 휴대전화를 모두 적어 주세요."))
        birth_date = self.fields["resident_birth_date"].widget.clean(birth)
        try:
            phone = normalize_phone(text(phone))
        except ValidationError:
            raise ValueError(_("구직자 휴대전화 형식이 올바르지 않습니다."))
        resident = Resident.objects.filter(name=text(name), birth_date=birth_date, phone=phone).first()
        if resident is None:
            raise ValueError(_("등록된 구직자 중에 이 이름·생년월일·휴대전화인 사람이 없습니다."))
        return resident

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            instance.resident = self.find_resident(row)
        except ValueError as error:
            errors["resident"] = [str(error)]
        else:
            self.fill_facts_at_hire(instance)
        if errors:
            raise ValidationError(errors)

    def fill_facts_at_hire(self, placement):
        """Empty cells take the facts from the resident's record, as the services do."""
        resident = placement.resident
        if not placement.sector:
            placement.sector = placement.program.sector if placement.program_id else Sector.PRIVATE
        if placement.guro_resident_at_hire is None:
            placement.guro_resident_at_hire = resident.lives_in_guro
            if placement.dong_at_hire_id is None:
                placement.dong_at_hire = resident.dong
        if not placement.gender:
            placement.gender = resident.gender
        if placement.age_at_hire is None and placement.started_on:
            placement.age_at_hire = resident.age_on(placement.started_on)
        if (
            placement.source == Placement.Source.AGREEMENT
            and placement.agreement_id
            and not placement.employer_id
        ):
            placement.employer = placement.agreement.employer

    def after_save_instance(self, instance, row, **kwargs):
        create_retention_checks(placement=instance)

    def with_related(self, queryset):
        return queryset.select_related("resident", "employer", "agreement", "program", "dong_at_hire")
