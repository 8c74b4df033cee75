"""Give a staff member a TOTP device for two-factor admin login (docs/DEPLOY.md, "2단계 인증")."""

from base64 import b32encode

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "직원 계정에 2단계 인증(TOTP) 기기를 등록하고 인증 앱에 넣을 주소와 비밀 키를 보여 줍니다."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="인증 앱", help="기기 이름")
        parser.add_argument("--replace", action="store_true", help="이미 등록한 기기를 지우고 새로 등록")

    def handle(self, username, name, replace, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"'{username}' 계정이 없습니다.")
        if not user.is_staff:
            raise CommandError("2단계 인증은 직원(관리 화면 사용자) 계정에만 등록합니다.")
        existing = TOTPDevice.objects.filter(user=user)
        if existing.exists() and not replace:
            raise CommandError("이미 등록한 기기가 있습니다. 새로 등록하려면 --replace 를 붙이세요.")
        existing.delete()
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        self.stdout.write(
            "인증 앱(Google Authenticator, Microsoft Authenticator 등)에 아래 주소를 QR 코드로 넣거나"
        )
        self.stdout.write("비밀 키를 직접 입력하세요. 이 화면은 다시 볼 수 없습니다.")
        self.stdout.write(f"주소: {device.config_url}")
        self.stdout.write(f"비밀 키: {b32encode(device.bin_key).decode()}")
