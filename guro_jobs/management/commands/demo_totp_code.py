"""Print the current 2-step code of a demo account (README: signing in to the demo as staff)."""

from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from guro_jobs.management.commands.create_demo_users import DEMO_TOTP_ACCOUNTS, demo_totp_key


class Command(BaseCommand):
    help = "데모 직원·관리자 계정의 현재 2단계 인증 코드(6자리)를 보여 줍니다. 데모 계정에만 쓸 수 있습니다."

    def add_arguments(self, parser):
        parser.add_argument("username", help="staff@guro.go.kr 또는 manager@guro.go.kr")

    def handle(self, username, **options):
        if username not in DEMO_TOTP_ACCOUNTS:
            raise CommandError(
                f"'{username}'은(는) 데모 계정이 아닙니다. 데모 계정: {', '.join(DEMO_TOTP_ACCOUNTS)}"
            )
        # Only the demo device, whose key anyone can derive: a real device's code is never printed.
        device = TOTPDevice.objects.filter(
            user__username=username, key=demo_totp_key(username), confirmed=True
        ).first()
        if device is None:
            raise CommandError("데모 인증 기기가 없습니다. 먼저 `manage.py create_demo_users`를 실행하세요.")
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        self.stdout.write("지금의 인증 코드(30초마다 바뀝니다):")
        self.stdout.write(f"{code:0{device.digits}d}")
