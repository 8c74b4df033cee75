"""Confirming the mobile number an account gives for its notices (employers' and staff's
accounts; a resident's texts go to the number on their record). A number is texted only once its
owner typed the code sent to it, so a mistyped or someone else's number never gets notices about
applicants or interviews: until then they go by mail."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from notifications.models import PhoneConfirmationCode
from notifications.services import send_code_text


def _hash(phone, code):
    return salted_hmac("notifications.phone_confirmation", f"{phone}:{code}").hexdigest()


def needs_confirmation(user):
    return bool(user.phone) and user.phone_confirmed_at is None


@transaction.atomic
def send_confirmation_code(*, user, now=None):
    """Text a new code to the account's number (earlier codes stop working). At most one a minute
    and PHONE_CONFIRMATION_PER_DAY a day."""
    now = now or timezone.now()
    if not needs_confirmation(user):
        raise ValidationError(_("확인할 휴대전화 번호가 없습니다."))
    sent = PhoneConfirmationCode.objects.filter(user=user, created_at__gt=now - datetime.timedelta(days=1))
    if sent.filter(created_at__gt=now - datetime.timedelta(minutes=1)).exists():
        raise ValidationError(_("인증번호는 1분에 한 번 받을 수 있습니다. 잠시 뒤에 다시 눌러 주세요."))
    if sent.count() >= settings.PHONE_CONFIRMATION_PER_DAY:
        raise ValidationError(_("오늘은 인증번호를 더 보낼 수 없습니다. 내일 다시 해 주세요."))
    PhoneConfirmationCode.objects.filter(user=user, used_at__isnull=True).update(used_at=now)
    code = f"{secrets.randbelow(10**6):06d}"
    PhoneConfirmationCode.objects.create(
        user=user,
        phone=user.phone,
        code_hash=_hash(user.phone, code),
        created_at=now,
        expires_at=now + datetime.timedelta(minutes=settings.PHONE_CONFIRMATION_MINUTES),
    )
    send_code_text(
        phone=user.phone,
        body=_("[구로 일자리] 알림 받을 번호 확인 인증번호 [%(code)s] %(minutes)s분 안에 입력해 주세요.")
        % {"code": code, "minutes": settings.PHONE_CONFIRMATION_MINUTES},
    )


def confirm_phone(*, user, code, now=None):
    """Confirm the account's number when `code` is the last one texted to it, in time; a wrong
    code counts against it (kept, so the caller's error does not undo the count)."""
    outcome = _check_code(user=user, code=(code or "").strip(), now=now or timezone.now())
    if outcome == EXPIRED:
        raise ValidationError({"code": _("인증번호가 만료되었습니다. 인증번호를 다시 받아 주세요.")})
    if outcome == WRONG:
        raise ValidationError(
            {"code": _("인증번호가 맞지 않습니다. 문자로 받은 6자리 숫자를 입력해 주세요.")}
        )
    return user


CONFIRMED, EXPIRED, WRONG = "confirmed", "expired", "wrong"


@transaction.atomic
def _check_code(*, user, code, now):
    latest = (
        PhoneConfirmationCode.objects.select_for_update()
        .filter(user=user, phone=user.phone, used_at__isnull=True)
        .order_by("-created_at")
        .first()
    )
    if latest is None or not latest.is_usable(now=now, tries=settings.PHONE_CONFIRMATION_TRIES):
        return EXPIRED
    if not constant_time_compare(latest.code_hash, _hash(user.phone, code)):
        latest.tries += 1
        latest.save(update_fields=["tries"])
        return WRONG
    latest.used_at = now
    latest.save(update_fields=["used_at"])
    user.phone_confirmed_at = now
    user.save(update_fields=["phone_confirmed_at"])
    return CONFIRMED
