"""The import's per-row checks are the model's and the widgets' checks, only cheaper: a value a
column already accepted is not checked again, but every bad cell is still reported on its own
row with its Korean message, however often the same bad value appears."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from import_export import resources, widgets

from references.models import AdministrativeDong
from residents.models import Resident
from residents.resources import ResidentResource
from spreadsheets.checks import FieldChecks
from spreadsheets.services import _row_report, import_spreadsheet
from tests.staffops.spreadsheet_helpers import RESIDENT_HEADERS, resident_row, xlsx

pytestmark = pytest.mark.django_db

HEADERS = RESIDENT_HEADERS + ["이메일", "동의서 버전"]


def row(n, email="", version="", **cells):
    values = dict(zip(RESIDENT_HEADERS, resident_row(phone=f"010-4000-{n:04d}"), strict=True))
    values.update({"이메일": email, "동의서 버전": version}, **cells)
    return [values[header] for header in HEADERS]


def import_rows(rows, dry_run=True):
    return import_spreadsheet(
        kind="residents", content=xlsx(HEADERS, rows), filename="주민.xlsx", dry_run=dry_run
    )


def messages_by_row(report):
    found = {}
    for kept in report.rows:
        for header, message in kept.errors:
            found.setdefault(kept.number, []).append((header, message))
    return found


def test_the_same_bad_value_is_reported_on_every_row_it_appears_in_after_good_ones():
    long_name = "가" * 51
    rows = [
        row(0, email="a@example.kr"),
        row(1, 이름=long_name),
        row(2, email="메일 아님"),
        row(3, 생년월일="2099-01-01"),
        row(4, email="a@example.kr"),
        row(5, 이름=long_name),
        row(6, email="메일 아님"),
        row(7, 생년월일="2099-01-01"),
        row(8, version="v" * 21),
        row(9, version="v" * 21),
        row(10, 성별="모름"),
        row(11, 성별="모름"),
    ]
    report = import_rows(rows)
    found = messages_by_row(report)
    name_error = "이름: 이 값이 최대 50 개의 글자인지 확인하세요(입력값 51 자)."
    email_error = "이메일: 유효한 이메일 주소를 입력하세요."
    future_error = "생년월일: 미래의 날짜는 입력할 수 없습니다."
    lines = report.error_lines()
    for number in (3, 7):
        assert f"행 {number}: {name_error}" in lines
    for number in (4, 8):
        assert f"행 {number}: {email_error}" in lines
    for number in (5, 9):
        assert f"행 {number}: {future_error}" in lines
    for number in (10, 11):
        assert any(line.startswith(f"행 {number}: 동의서 버전: ") for line in lines)
    for number in (12, 13):
        assert any(
            line.startswith(f"행 {number}: 성별: '모름'은(는) 고를 수 있는 값이 아닙니다.") for line in lines
        )
    assert sorted(found) == [3, 4, 5, 7, 8, 9, 10, 11, 12, 13]
    assert [kept.status for kept in report.rows if kept.number in (2, 6)] == ["new", "new"]


def test_a_good_value_after_the_same_column_refused_one_is_accepted_and_written():
    rows = [row(0, email="메일 아님"), row(1, email="b@example.kr"), row(2, email="b@example.kr")]
    report = import_rows(rows)
    assert [kept.status for kept in report.rows] == ["error", "new", "new"]
    fixed = import_rows(rows[1:], dry_run=False)
    assert fixed.written
    assert list(Resident.objects.values_list("email", flat=True)) == ["b@example.kr", "b@example.kr"]


def resident(**values):
    base = {
        "name": "김구로",
        "birth_date": datetime.date(1980, 5, 17),
        "gender": "female",
        "phone": "010-2000-0001",
        "education_level": "high_school",
        "employment_status": "unemployed",
        "collection_consented_at": datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC),
        "consent_version": "2026-01",
        "desired_employment_types": [],
        "created_at": datetime.datetime(2026, 11, 2, tzinfo=datetime.UTC),
        "last_active_at": datetime.datetime(2026, 11, 2, tzinfo=datetime.UTC),
    }
    base.update(values)
    return Resident(**base)


def django_errors(instance, exclude):
    try:
        instance.clean_fields(exclude=exclude)
    except ValidationError as error:
        return {
            key: [str(e.message) % (e.params or {}) for e in errors]
            for key, errors in error.error_dict.items()
        }
    return {}


def cached_errors(checks, instance, exclude):
    try:
        checks.clean_fields(instance, exclude=exclude)
    except ValidationError as error:
        return {
            key: [str(e.message) % (e.params or {}) for e in errors]
            for key, errors in error.error_dict.items()
        }
    return {}


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"name": "가" * 51},
        {"name": ""},
        {"birth_date": datetime.date(2099, 1, 1)},
        {"gender": "nobody"},
        {"email": "메일 아님"},
        {"email": "a@example.kr"},
        {"desired_monthly_wage": -1},
        {"desired_monthly_wage": 2_000_000},
        {"consent_version": "v" * 21},
        {"education_level": ""},
        {"unemployed_since": datetime.date(2099, 1, 1)},
    ],
)
def test_field_checks_give_djangos_errors_and_values_on_the_first_and_every_later_row(values):
    checks = FieldChecks(Resident)
    # Warm the remembered values with good rows first, then compare row after row.
    for _ in range(2):
        assert cached_errors(checks, resident(), set()) == {}
    for exclude in (set(), {"name"}):
        for _ in range(3):
            ours, theirs = resident(**values), resident(**values)
            assert cached_errors(checks, ours, exclude) == django_errors(theirs, exclude)
            assert [getattr(ours, f.attname) for f in Resident._meta.fields] == [
                getattr(theirs, f.attname) for f in Resident._meta.fields
            ]


class DjangosChecks:
    def clean_fields(self, instance, exclude=()):
        instance.clean_fields(exclude=exclude)

    def validate_unique(self, instance, exclude=()):
        instance.validate_unique(exclude=exclude)

    def validate_constraints(self, instance, exclude=()):
        instance.validate_constraints(exclude=exclude)


class ReferenceResource(ResidentResource):
    """Each cell through django-import-export's Field.save and the model's own clean_fields, as the
    import did before the per-column shortcuts."""

    def import_instance(self, instance, row, **kwargs):
        self._current_row = row
        errors = {}
        try:
            resources.ModelResource.import_instance(self, instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        if errors:
            raise ValidationError(errors)


def test_import_one_reports_and_reads_what_the_cell_by_cell_import_row_did():
    dong = AdministrativeDong.objects.first().name
    cells = [
        {},
        {"이름": ""},
        {"이름": "가" * 51, "생년월일": "2099-01-01", "이메일": "메일 아님"},
        {"생년월일": "어제"},
        {"거주 행정동": "없는동"},
        {"희망 월급(원)": "많이"},
        {"보유 기술·자격증": "없는 기술"},
        {"거주 행정동": "", "구외 거주 지역": ""},
        {"거주 행정동": dong, "구외 거주 지역": "광명시"},
        {"희망 고용 형태": "아무거나"},
        {"성별": "모름", "최종 학력": ""},
        {"이메일": "b@example.kr", "동의서 버전": "2026-02"},
    ]

    def as_dict(n, values):
        return dict(zip(HEADERS, row(n, **values), strict=True))

    ours, theirs = ResidentResource(), ReferenceResource()
    theirs._field_checks = DjangosChecks()
    loader = ours._meta.instance_loader_class(ours, None)
    for _round in range(2):  # the second time every good value is remembered
        for n, values in enumerate(cells):
            status, error = ours.import_one(
                as_dict(n, values), loader, dry_run=True, using_transactions=True, row_number=1
            )
            mine = _row_report(ours, status, error, 2)
            result = theirs.import_row(
                as_dict(n, values), loader, dry_run=True, using_transactions=True, row_number=1
            )
            if result.validation_error is not None:
                expected = sorted(
                    (theirs.column_for(key) if key != "__all__" else "", str(message))
                    for key, messages in result.validation_error.message_dict.items()
                    for message in messages
                )
                assert mine.status == "error"
                assert sorted(mine.errors) == expected, values
            else:
                assert (mine.status, mine.errors) == (result.import_type, []), values
    stamps = {"created_at", "updated_at", "last_active_at"}

    def written(resource):
        return [
            [getattr(instance, f.attname) for f in Resident._meta.fields if f.name not in stamps]
            + [instance._pending_m2m]
            for instance in resource.create_instances + resource.update_instances
        ]

    # The good rows are new the first time and, still waiting in their batch, changed in place
    # the second.
    assert (len(ours.create_instances), len(ours.update_instances)) == (2, 0)
    assert written(ours) == written(theirs)


def test_a_cell_that_cannot_be_read_is_refused_on_every_row_and_lists_are_not_shared():
    rows = [
        row(0),
        row(1, 생년월일="어제", **{"희망 월급(원)": "많이"}),
        row(2),
        row(3, 생년월일="어제", **{"희망 월급(원)": "많이"}),
        row(4, **{"희망 고용 형태": "정규직, 아무거나"}),
        row(5, **{"희망 고용 형태": "정규직, 아무거나"}),
    ]
    lines = import_rows(rows).error_lines()
    for number in (3, 5):
        assert any(line.startswith(f"행 {number}: 생년월일: '어제'은(는) 날짜가 아닙니다.") for line in lines)
        assert f"행 {number}: 희망 월급(원): '많이'은(는) 숫자가 아닙니다." in lines
    for number in (6, 7):
        assert any(line.startswith(f"행 {number}: 희망 고용 형태: '아무거나'은(는)") for line in lines)

    report = import_rows([row(n) for n in range(3)], dry_run=False)
    assert report.written
    first, second, _third = Resident.objects.order_by("phone")
    assert first.desired_employment_types == second.desired_employment_types == ["full_time", "part_time"]


def test_a_remembered_list_cell_is_a_new_list_for_every_row():
    from references.choices import EmploymentType
    from spreadsheets.widgets import ChoiceListWidget, remembering

    read = remembering(ChoiceListWidget(EmploymentType))
    one = read("정규직, 시간제")
    one.append("changed")
    assert read("정규직, 시간제") == ["full_time", "part_time"]
    assert read("정규직, 시간제") is not read("정규직, 시간제")


def validation_messages(call):
    try:
        call()
    except ValidationError as error:
        return {key: [str(message) for message in messages] for key, messages in error.message_dict.items()}
    return {}


@pytest.mark.parametrize("exclude", [set(), {"name"}, {"code"}])
def test_unique_checks_and_constraints_are_djangos_for_every_row(exclude):
    from employers.models import Employer
    from references.models import Occupation
    from tests.factories import EmployerFactory

    taken = Occupation.objects.first()
    employer = EmployerFactory()
    occupation_checks, employer_checks = FieldChecks(Occupation), FieldChecks(Employer)
    for _round in range(2):
        for occupation in (
            Occupation(code=taken.code, name=taken.name),
            Occupation(code="9999", name="새 직종"),
        ):
            ours = validation_messages(lambda o=occupation: occupation_checks.validate_unique(o, exclude))
            assert ours == validation_messages(lambda o=occupation: o.validate_unique(exclude=exclude))
        twin = Employer(business_number=employer.business_number, name="같은 번호")
        for call in ("validate_unique", "validate_constraints"):
            ours = validation_messages(lambda c=call, t=twin: getattr(employer_checks, c)(t, exclude))
            assert ours == validation_messages(lambda c=call, t=twin: getattr(t, c)(exclude=exclude))
    refused = Employer(business_number=employer.business_number, name="같은 번호")
    assert validation_messages(lambda: employer_checks.validate_constraints(refused, set()))
    assert validation_messages(lambda: occupation_checks.validate_unique(Occupation(code=taken.code), set()))
