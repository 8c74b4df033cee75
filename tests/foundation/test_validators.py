"""Bad input gets a clear Korean message on the field, and nothing is saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from employers.models import Employer
from guro_jobs.validators import normalize_business_number, normalize_phone
from residents.models import Resident
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("01012345678", "010-1234-5678"),
        ("010 1234 5678", "010-1234-5678"),
        ("+82 10-1234-5678", "010-1234-5678"),
        ("0111234567", "011-123-4567"),
        ("0228601234", "02-2860-1234"),
    ],
)
def test_phone_numbers_are_normalised(raw, normalised):
    assert normalize_phone(raw) == normalised


@pytest.mark.parametrize("raw", ["1234", "010-12-34", "abc", "0101234567890"])
def test_malformed_phone_is_refused_in_korean(raw):
    with pytest.raises(ValidationError) as error:
        normalize_phone(raw)
    assert "전화번호 형식이 올바르지 않습니다" in error.value.messages[0]


def test_business_number_with_a_wrong_check_digit_is_refused_in_korean():
    with pytest.raises(ValidationError) as error:
        normalize_business_number("220-81-62518")
    assert "검증번호" in error.value.messages[0]


def test_business_number_is_normalised_with_dashes():
    assert normalize_business_number("2208162517") == "220-81-62517"


def resident_with(**fields):
    values = dict(
        name="홍길동",
        birth_date=datetime.date(1985, 3, 1),
        gender="male",
        dong=factories.dong(),
        phone="010-2222-3333",
        education_level="university",
        collection_consented_at=timezone.now(),
        consent_version="2026-11",
    )
    values.update(fields)
    return Resident(**values)


def test_resident_with_birth_date_in_the_future_gets_korean_error_and_is_not_saved():
    resident = resident_with(birth_date=timezone.localdate() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        resident.full_clean()
    assert "미래의 날짜는 입력할 수 없습니다." in error.value.message_dict["birth_date"]
    assert not Resident.objects.exists()


def test_resident_with_malformed_phone_gets_korean_error_and_is_not_saved():
    resident = resident_with(phone="02-12")
    with pytest.raises(ValidationError) as error:
        resident.full_clean()
    assert "전화번호 형식이 올바르지 않습니다" in error.value.message_dict["phone"][0]
    assert not Resident.objects.exists()


def test_resident_phone_is_stored_normalised():
    resident = resident_with(phone="01022223333")
    resident.full_clean()
    resident.save()
    assert Resident.objects.get().phone == "010-2222-3333"


def test_resident_outside_guro_must_say_where_they_live():
    resident = resident_with(dong=None)
    with pytest.raises(ValidationError) as error:
        resident.full_clean()
    assert "outside_region" in error.value.message_dict
    resident.outside_region = "광명시"
    resident.full_clean()
    assert not resident.lives_in_guro


def test_employer_with_wrong_business_number_gets_korean_error_and_is_not_saved():
    employer = Employer(name="잘못된 기업", business_number="123-45-67890")
    with pytest.raises(ValidationError) as error:
        employer.full_clean()
    assert "검증번호" in error.value.message_dict["business_number"][0]
    assert not Employer.objects.filter(name="잘못된 기업").exists()


def test_resident_model_has_no_resident_registration_number_field():
    field_names = {f.name for f in Resident._meta.get_fields()}
    labels = {str(getattr(f, "verbose_name", "")) for f in Resident._meta.get_fields()}
    assert not any("rrn" in name or "registration" in name for name in field_names)
    assert not any("주민등록번호" in label for label in labels)


def test_vacancy_wage_is_converted_to_monthly_for_search():
    vacancy = factories.VacancyFactory(wage_amount=10_030, wage_unit="hourly", weekly_hours=40)
    assert vacancy.monthly_wage == 2_096_270
