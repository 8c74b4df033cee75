"""Self-service password reset, by a mail link or a text-message code, that never tells whether
an account exists: the answer to a request is the same for every well-formed email or phone, and
a mail or text goes out only when an active account has it.

- By mail: Django's one-use token link (it embeds the password hash, so it dies once used),
  valid PASSWORD_RESET_TIMEOUT seconds.
- By phone: a six-digit code, kept only as an HMAC, valid PASSWORD_RESET_CODE_MINUTES with
  PASSWORD_RESET_CODE_TRIES tries; then a form for the new password.

After a reset nobody is signed in: they sign in with the new password, and staff and managers
then give their TOTP code as always (the reset never stands in for the second factor). Changing
the password ends the account's other sessions (Django checks the session's password hash) and
the reset also revokes the account's API tokens."""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from accounts.backends import find_user_by_login
from accounts.models import PasswordResetCode, PasswordResetEvent
from audit.services import client_ip
from guro_jobs.validators import normalize_phone
from notifications.services import send_account_mail, send_code_text

EMAIL = PasswordResetEvent.Channel.EMAIL
TEXT = PasswordResetEvent.Channel.TEXT


def reset_channel(identifier):
    """(channel, normal form) of what was typed: an email case-folded or a phone normalised."""
    identifier = (identifier or "").strip()
    if "@" in identifier:
        return EMAIL, identifier.casefold()
    try:
        return TEXT, normalize_phone(identifier)
    except ValidationError:
        raise ValidationError(
            {"identifier": _("이메일 주소나 휴대전화 번호를 정확히 입력해 주세요. 예: 010-1234-5678")}
        )


def _hash_code(phone, code):
    return salted_hmac("accounts.password_reset.code", f"{phone}:{code}").hexdigest()


def _record(user, channel, step, request):
    PasswordResetEvent.objects.create(
        user=user,
        account_label=user.get_username(),
        channel=channel,
        step=step,
        ip_address=client_ip(request),
    )


def _reset_mail(user, request):
    link = request.build_absolute_uri(
        reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    )
    minutes = settings.PASSWORD_RESET_TIMEOUT // 60
    body = _(
        "구로 일자리 원스톱 포털 계정의 비밀번호 재설정을 요청하셨습니다.\n\n"
        "아래 주소를 열어 새 비밀번호를 정해 주세요. 이 주소는 %(minutes)s분 동안, 한 번만 쓸 수 있습니다.\n"
        "%(link)s\n\n"
        "요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다."
    ) % {"minutes": minutes, "link": link}
    return _("비밀번호 재설정 안내"), body


@transaction.atomic
def request_password_reset(*, identifier, request):
    """Send a reset link (email) or code (phone) when an active account has it; either way return
    the channel and the normal form, which is all the caller may show."""
    channel, identity = reset_channel(identifier)
    user = find_user_by_login(identity)
    if user is not None and not user.is_active:
        user = None
    if channel == EMAIL:
        if user is not None and user.email and user.email.casefold() == identity:
            subject, body = _reset_mail(user, request)
            send_account_mail(user=user, subject=subject, body=body)
            _record(user, channel, PasswordResetEvent.Step.REQUESTED, request)
        return channel, identity
    code = f"{secrets.randbelow(10**6):06d}"
    code_hash = _hash_code(identity, code)  # computed either way: the same work for unknown numbers
    if user is not None:
        PasswordResetCode.objects.filter(user=user, used_at__isnull=True).update(used_at=timezone.now())
        now = timezone.now()
        PasswordResetCode.objects.create(
            user=user,
            phone=identity,
            code_hash=code_hash,
            created_at=now,
            expires_at=now + datetime.timedelta(minutes=settings.PASSWORD_RESET_CODE_MINUTES),
        )
        text = _("[구로 일자리] 비밀번호 재설정 인증번호 [%(code)s] %(minutes)s분 안에 입력해 주세요.") % {
            "code": code,
            "minutes": settings.PASSWORD_RESET_CODE_MINUTES,
        }
        send_code_text(phone=identity, body=text)
        _record(user, channel, PasswordResetEvent.Step.REQUESTED, request)
    return channel, identity


@transaction.atomic
def check_reset_code(*, phone, code, request):
    """The user whose latest code for this number this is, or None (wrong, expired, used up or
    no account: one answer). Every wrong try counts against the code."""
    code = (code or "").strip()
    reset_code = (
        PasswordResetCode.objects.select_for_update()
        .select_related("user")
        .filter(phone=phone, used_at__isnull=True)
        .order_by("-created_at")
        .first()
    )
    if reset_code is None:
        return None
    usable = reset_code.is_usable(now=timezone.now(), tries=settings.PASSWORD_RESET_CODE_TRIES)
    if usable and constant_time_compare(reset_code.code_hash, _hash_code(phone, code)):
        reset_code.used_at = timezone.now()
        reset_code.save(update_fields=["used_at"])
        return reset_code.user
    if usable:
        reset_code.tries += 1
        reset_code.save(update_fields=["tries"])
        _record(reset_code.user, TEXT, PasswordResetEvent.Step.CODE_FAILED, request)
    return None


@transaction.atomic
def complete_password_reset(*, user, password, channel, request):
    """Set the new password (already checked by the validators), end other sessions and revoke
    the account's API tokens, and record the reset."""
    from rest_framework.authtoken.models import Token

    user.set_password(password)
    user.save(update_fields=["password"])
    Token.objects.filter(user=user).delete()
    PasswordResetCode.objects.filter(user=user, used_at__isnull=True).update(used_at=timezone.now())
    _record(user, channel, PasswordResetEvent.Step.COMPLETED, request)
    return user
