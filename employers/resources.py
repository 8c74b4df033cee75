"""Employers and vacancies in spreadsheets (Korean headers, the same for import and export).

An employer is recognised by its business registration number (사업자등록번호); a vacancy by
its 공고 번호 (empty for a new vacancy).
"""

from employers.models import Employer, Vacancy
from guro_jobs.validators import normalize_business_number
from references import keco2018
from references.choices import EducationLevel, EmploymentType, WageUnit
from references.models import AdministrativeDong, Occupation, Skill
from spreadsheets.resources import KoreanModelResource, column
from spreadsheets.widgets import (
    BooleanWidget,
    ChoiceWidget,
    DateWidget,
    IntegerWidget,
    LookupWidget,
    NamesWidget,
    is_empty,
    text,
)


class OccupationLookupWidget(LookupWidget):
    """An occupation by its KECO code ("133"), its name, or one of the 16 former names; a name
    shared by two levels (군인 is both a middle and a minor group) means the most specific one."""

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return None
        raw = text(value)
        if raw not in self.cache:
            former = {name: code for _old, name, code in keco2018.FORMER_OCCUPATIONS}
            self.cache[raw] = (
                Occupation.objects.filter(code=raw).first()
                or Occupation.objects.filter(name=raw).order_by("-level", "code").first()
                # A spreadsheet made before the KECO tree names the portal's former occupations.
                or Occupation.objects.filter(code=former.get(raw, "")).first()
            )
        if self.cache[raw] is None:
            return super().clean(value, row, **kwargs)  # the usual "등록되지 않은 직종" message
        return self.cache[raw]


def employer_lookup():
    return LookupWidget(Employer, "business_number", "사업자등록번호", normalize=normalize_business_number)


class EmployerResource(KoreanModelResource):
    business_number = column("business_number", "사업자등록번호")
    name = column("name", "기업명")
    kind = column("kind", "기업 구분", ChoiceWidget(Employer.Kind))
    industry = column("industry", "업종")
    representative = column("representative", "대표자")
    address = column("address", "주소")
    dong = column("dong", "소재 행정동", LookupWidget(AdministrativeDong, "name", "구로구 행정동"))
    in_digital_valley = column("in_digital_valley", "구로디지털단지 입주", BooleanWidget(empty=False))
    headcount = column("headcount", "상시 근로자 수", IntegerWidget())
    phone = column("phone", "대표 전화")

    column_defaults = {"기업 구분": Employer.Kind.OTHER}

    class Meta(KoreanModelResource.Meta):
        model = Employer
        import_id_fields = ["business_number"]
        fields = [
            "business_number",
            "name",
            "kind",
            "industry",
            "representative",
            "address",
            "dong",
            "in_digital_valley",
            "headcount",
            "phone",
        ]
        export_order = fields

    def before_import_row(self, row, **kwargs):
        number = row.get("사업자등록번호")
        if not is_empty(number):
            try:
                row["사업자등록번호"] = normalize_business_number(text(number))
            except Exception:
                pass  # full_clean reports it on its cell

    def get_instance(self, instance_loader, row):
        number = row.get("사업자등록번호")
        if is_empty(number):
            return None  # without a business number every row is a new employer
        return Employer.objects.filter(business_number=text(number)).first()

    def with_related(self, queryset):
        return queryset.select_related("dong")


class VacancyResource(KoreanModelResource):
    id = column("id", "공고 번호", IntegerWidget())
    employer = column("employer", "기업 사업자등록번호", employer_lookup())
    employer_name = column("employer__name", "기업명", readonly=True)
    title = column("title", "채용 제목")
    description = column("description", "업무 내용")
    occupation = column("occupation", "직종", OccupationLookupWidget(Occupation, "name", "직종"))
    employment_type = column("employment_type", "고용 형태", ChoiceWidget(EmploymentType))
    wage_amount = column("wage_amount", "임금(원)", IntegerWidget())
    wage_unit = column("wage_unit", "임금 단위", ChoiceWidget(WageUnit))
    weekly_hours = column("weekly_hours", "주당 근로시간", IntegerWidget())
    work_place = column("work_place", "근무지 주소")
    dong = column("dong", "근무지 행정동", LookupWidget(AdministrativeDong, "name", "구로구 행정동"))
    openings = column("openings", "모집 인원", IntegerWidget())
    required_education = column("required_education", "요구 학력", ChoiceWidget(EducationLevel))
    required_skills = column("required_skills", "요구 기술·자격증", NamesWidget(Skill, label="기술·자격증"))
    status = column("status", "상태", ChoiceWidget(Vacancy.Status))
    posted_on = column("posted_on", "게시일", DateWidget())
    closes_on = column("closes_on", "마감일", DateWidget())

    column_defaults = {"임금 단위": WageUnit.MONTHLY, "상태": Vacancy.Status.DRAFT}

    class Meta(KoreanModelResource.Meta):
        model = Vacancy
        import_id_fields = ["id"]
        fields = [
            "id",
            "employer",
            "employer_name",
            "title",
            "description",
            "occupation",
            "employment_type",
            "wage_amount",
            "wage_unit",
            "weekly_hours",
            "work_place",
            "dong",
            "openings",
            "required_education",
            "required_skills",
            "status",
            "posted_on",
            "closes_on",
        ]
        export_order = fields

    def get_instance(self, instance_loader, row):
        try:
            pk = self.fields["id"].clean(row)
        except (ValueError, KeyError):
            return None
        return Vacancy.objects.filter(pk=pk).first() if pk else None

    def with_related(self, queryset):
        return queryset.select_related("employer", "occupation", "dong").prefetch_related("required_skills")
