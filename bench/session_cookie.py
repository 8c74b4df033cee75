"""Print a Cookie header of a signed-in bench session, for `bench/load_test.py --cookie`.

    DATABASE_URL=postgres://… python bench/session_cookie.py --staff      # superuser, 2FA passed
    DATABASE_URL=postgres://… python bench/session_cookie.py --resident   # a resident with saved vacancies
    python bench/load_test.py /vacancies/ --cookie "$(python bench/session_cookie.py --resident)" --interleave

Run it with the same DATABASE_URL and cache/broker settings as the server the cookie is for (the
session is stored where the server's SESSION_ENGINE keeps it). It WRITES to that database: the bench
user (created if missing) and its session; --resident also links a resident without a login to the
bench user and saves `--saved` open vacancies for them (the search then draws both kinds of button).
Use it on your own copy of a shared bench database, never on one others only read.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guro_jobs.settings")

STAFF_USER = "page-profile@guro.go.kr"
RESIDENT_USER = "bench-resident@guro.go.kr"
PASSWORD = "page-profile-2026!"


def staff_user():
    """A superuser with a confirmed TOTP device; returns (user, extra session values)."""
    from django.contrib.auth import get_user_model
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user_model = get_user_model()
    user = user_model.objects.filter(username=STAFF_USER).first()
    if user is None:
        user = user_model.objects.create_superuser(STAFF_USER, STAFF_USER, PASSWORD)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    return user, {DEVICE_ID_SESSION_KEY: device.persistent_id}


def resident_user(saved=5):
    """A resident login linked to a resident record, with `saved` open vacancies saved (the newest
    ones, so they are on the search's first page); returns (user, extra session values)."""
    from django.contrib.auth import get_user_model

    from accounts import roles
    from accounts.services import create_user_with_role
    from alerts.models import SavedVacancy
    from employers import selectors as vacancy_selectors
    from residents.models import Resident

    user = get_user_model().objects.filter(username=RESIDENT_USER).first()
    if user is None:
        user = create_user_with_role(
            username=RESIDENT_USER, email=RESIDENT_USER, password=PASSWORD, role=roles.RESIDENT
        )
    resident = Resident.objects.filter(user=user).first()
    if resident is None:
        resident = (
            Resident.objects.filter(user__isnull=True, anonymised_at__isnull=True).order_by("pk").first()
        )
        if resident is None:
            raise SystemExit("no resident without a login to sign in as")
        resident.user = user
        resident.save(update_fields=["user"])
    if not SavedVacancy.objects.filter(resident=resident).exists():
        newest = vacancy_selectors.open_vacancies()[: saved * 2 : 2]
        SavedVacancy.objects.bulk_create(
            [SavedVacancy(resident=resident, vacancy=vacancy) for vacancy in newest], ignore_conflicts=True
        )
    return user, {}


def signed_in_client(user, extra):
    """A test client with `user` logged in and `extra` put in its session (saved)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    session = client.session
    for key, value in extra.items():
        session[key] = value
    session.save()
    return client


def session_cookie(user, extra):
    """Log `user` in (as the test client does) and return the Cookie header's value: the session,
    and the CSRF cookie a browser holds from its first page with a form (without it, every request
    of the load test would be a new browser's first, given a new CSRF secret)."""
    from django.conf import settings
    from django.http import HttpRequest
    from django.middleware.csrf import get_token

    client = signed_in_client(user, extra)
    first_page = HttpRequest()
    get_token(first_page)  # a new secret, as the first page's CSRF cookie carries it
    return (
        f"{settings.SESSION_COOKIE_NAME}={client.session.session_key}; "
        f"{settings.CSRF_COOKIE_NAME}={first_page.META['CSRF_COOKIE']}"
    )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--staff", action="store_true", help="a superuser who has passed the second factor")
    who.add_argument("--resident", action="store_true", help="a resident with saved vacancies")
    parser.add_argument("--saved", type=int, default=5, help="vacancies the resident saves (first time)")
    args = parser.parse_args()

    import django

    django.setup()
    user, extra = staff_user() if args.staff else resident_user(args.saved)
    print(session_cookie(user, extra))


if __name__ == "__main__":
    main()
