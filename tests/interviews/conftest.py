import datetime

import pytest
from django.utils import timezone

from tests import factories


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def hr(db):
    employer = factories.EmployerFactory(name="구로디지털 주식회사")
    return factories.employer_user(employer=employer, username="hr@interview.example.kr")


@pytest.fixture
def application(hr):
    vacancy = factories.VacancyFactory(employer=hr.employer, title="품질 관리 사원")
    resident = factories.ResidentFactory(with_user=True, name="이면접")
    return factories.JobApplicationFactory(resident=resident, vacancy=vacancy)


def in_days(days, hour=10, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def details():
    return {
        "starts_at": in_days(3),
        "duration_minutes": 40,
        "mode": "in_person",
        "place": "서울특별시 구로구 디지털로 300, 5층 회의실",
        "contact_name": "박인사",
        "contact_phone": "02-860-0000",
        "what_to_bring": "신분증, 자격증 사본",
        "note": "1층 안내데스크에서 방문증을 받아 주세요.",
    }
