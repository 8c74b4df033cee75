"""The second factor (TOTP, django-otp) that staff and managers verify in every session: the
device being enrolled, confirming it with a first code, and verifying a code at sign-in."""

import io

import segno
from django.db import transaction
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from guro_jobs.security import has_enrolled_device

DEVICE_NAME = "인증 앱"


def device_being_enrolled(user):
    """The unconfirmed device a first sign-in enrols (created once, kept until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def secret_of(device):
    """The base32 secret an authenticator app asks for when the QR code cannot be scanned."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    """The device's otpauth:// address as an inline SVG QR code (drawn here, no outside service)."""
    out = io.BytesIO()
    segno.make(device.config_url, error="m").save(out, kind="svg", scale=5, xmldecl=False, svgns=True)
    return out.getvalue().decode()


@transaction.atomic
def verify_second_factor(*, request, token):
    """Check a code against the user's confirmed device, or confirm the device being enrolled with
    its first code; on success the session counts as verified. Returns the device or None."""
    user = request.user
    token = (token or "").strip().replace(" ", "")
    if not token:
        return None
    if has_enrolled_device(user):
        device = match_token(user, token)
    else:
        device = device_being_enrolled(user)
        if device.verify_token(token):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        else:
            device = None
    if device is not None:
        otp_login(request, device)
    return device
