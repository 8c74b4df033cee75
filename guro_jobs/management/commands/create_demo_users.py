import hashlib

from django.core.management.base import BaseCommand
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import roles
from accounts.models import User
from accounts.services import create_user_with_role
from employers.models import Employer
from residents.models import Resident

DEMO_PASSWORD = "guro-demo-2026!"
# Staff and managers must give a TOTP code (docs/DEPLOY.md §6). The demo accounts get a device
# with a secret derived from the account name, so `manage.py demo_totp_code EMAIL` can print it.
DEMO_TOTP_ACCOUNTS = ("staff@guro.go.kr", "manager@guro.go.kr")


def demo_totp_key(username):
    """The demo device's key (hex, 20 bytes): fixed per demo account, never used for real ones."""
    return hashlib.sha1(f"guro-demo-totp:{username}".encode()).hexdigest()


def enrol_demo_device(user):
    TOTPDevice.objects.get_or_create(
        user=user,
        key=demo_totp_key(user.username),
        defaults={"name": "데모 인증 앱", "confirmed": True},
    )


class Command(BaseCommand):
    help = "데모용 계정(직원, 관리자, 기업 담당자, 주민)을 만듭니다. 이미 있으면 건너뜁니다."

    def handle(self, *args, **options):
        dcube = Employer.objects.filter(name="대성 디큐브시티").first()
        accounts = [
            ("staff@guro.go.kr", roles.DISTRICT_STAFF, {"last_name": "김", "first_name": "구로"}),
            ("manager@guro.go.kr", roles.MANAGER, {"last_name": "이", "first_name": "정민"}),
            ("hr@dcube.example.kr", roles.EMPLOYER, {"employer": dcube}),
            ("resident@example.kr", roles.RESIDENT, {}),
        ]
        for username, role, fields in accounts:
            existing = User.objects.filter(username=username).first()
            if existing is not None:
                if username in DEMO_TOTP_ACCOUNTS:
                    enrol_demo_device(existing)
                continue
            user = create_user_with_role(
                username=username, password=DEMO_PASSWORD, role=role, email=username, **fields
            )
            if role == roles.RESIDENT:
                resident = Resident.objects.filter(user__isnull=True, anonymised_at__isnull=True).first()
                if resident:
                    resident.user = user
                    resident.email = username
                    resident.save(update_fields=["user", "email"])
            if username in DEMO_TOTP_ACCOUNTS:
                enrol_demo_device(user)
            self.stdout.write(f"{username} ({role})")
