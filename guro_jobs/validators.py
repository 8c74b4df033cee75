"""Validators and normalisers shared by several apps (phone numbers, business numbers, dates)."""

import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BUSINESS_NUMBER_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def digits_only(value):
    return re.sub(r"\D", "", value or "")


def mask_phone(phone):
    """A normalised mobile number as shown on a page that must not reveal it: 010-****-5678."""
    return f"{phone[:4]}****-{phone[-4:]}"


def normalize_phone(value):
    """Return a Korean phone number as 010-1234-5678 (or 02-123-4567), or raise ValidationError."""
    digits = digits_only(value)
    if digits.startswith("82"):
        digits = "0" + digits[2:]
    if re.fullmatch(r"010\d{8}", digits):
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if re.fullmatch(r"01[16789]\d{7,8}", digits):
        return f"{digits[:3]}-{digits[3:-4]}-{digits[-4:]}"
    if re.fullmatch(r"02\d{7,8}", digits):
        return f"02-{digits[2:-4]}-{digits[-4:]}"
    if re.fullmatch(r"0[3-7]\d\d{7,8}", digits):
        return f"{digits[:3]}-{digits[3:-4]}-{digits[-4:]}"
    raise ValidationError(_("전화번호 형식이 올바르지 않습니다. 예: 010-1234-5678"), code="invalid_phone")


def validate_phone(value):
    normalize_phone(value)


def business_number_check_digit(first_nine):
    """The tenth digit of a business registration number, from its first nine digits."""
    numbers = [int(d) for d in first_nine]
    total = sum(n * w for n, w in zip(numbers, BUSINESS_NUMBER_WEIGHTS, strict=True))
    total += (numbers[8] * 5) // 10
    return (10 - total % 10) % 10


def is_valid_business_number(digits):
    if not re.fullmatch(r"\d{10}", digits):
        return False
    return business_number_check_digit(digits[:9]) == int(digits[9])


def normalize_business_number(value):
    """Return a business registration number (사업자등록번호) as 123-45-67890, or raise."""
    digits = digits_only(value)
    if len(digits) != 10:
        raise ValidationError(
            _("사업자등록번호는 숫자 10자리여야 합니다. 예: 123-45-67890"), code="invalid_length"
        )
    if not is_valid_business_number(digits):
        raise ValidationError(
            _("사업자등록번호의 검증번호가 맞지 않습니다. 번호를 다시 확인해 주세요."),
            code="invalid_check_digit",
        )
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


def validate_business_number(value):
    normalize_business_number(value)


def validate_not_future(value):
    if value and value > timezone.localdate():
        raise ValidationError(_("미래의 날짜는 입력할 수 없습니다."), code="future_date")
