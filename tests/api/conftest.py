"""A small world for API tests: two residents, two employers with vacancies, applications, a
placement with its retention checks; and a client per role."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from alerts.models import SavedVacancy
from casework.models import Referral
from employers.models import Vacancy
from placements.services import create_retention_checks
from programs.models import ProgramApplication
from resumes.models import Resume
from tests import factories

ROLES = ("anonymous", "resident", "other_resident", "employer", "other_employer", "manager", "staff")


@pytest.fixture(autouse=True)
def fast_api_tests(settings):
    """Quick password hashing, and a fresh throttle count for every test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    employer = factories.employer_user()
    other_employer = factories.employer_user()
    resident = factories.ResidentFactory(with_user=True)
    other_resident = factories.ResidentFactory(with_user=True)
    vacancy = factories.VacancyFactory(employer=employer.employer)
    other_vacancy = factories.VacancyFactory(employer=other_employer.employer)
    draft = factories.VacancyFactory(employer=employer.employer, status=Vacancy.Status.DRAFT, posted_on=None)
    pending = factories.VacancyFactory(
        employer=employer.employer, status=Vacancy.Status.PENDING_REVIEW, posted_on=None
    )
    program = factories.ProgramFactory()
    applied_program = factories.ProgramFactory()
    program_application = factories.ProgramApplicationFactory(
        resident=resident, program=applied_program, status=ProgramApplication.Status.ELIGIBLE
    )
    job_application = factories.JobApplicationFactory(resident=resident, vacancy=vacancy)
    placement = factories.PlacementFactory(resident=resident, employer=employer.employer)
    create_retention_checks(placement=placement)
    referral = Referral.objects.create(
        resident=resident,
        referred_by=factories.staff_user("sender@guro.go.kr"),
        to_program=program,
        reason="사업 연계",
    )
    saved_vacancy = SavedVacancy.objects.create(resident=resident, vacancy=other_vacancy)
    return SimpleNamespace(
        referral=referral,
        saved_vacancy=saved_vacancy,
        users={
            "anonymous": None,
            "resident": resident.user,
            "other_resident": other_resident.user,
            "employer": employer,
            "other_employer": other_employer,
            "manager": factories.manager_user(),
            "staff": factories.staff_user(),
        },
        resident=resident,
        other_resident=other_resident,
        employer=employer.employer,
        other_employer=other_employer.employer,
        unused_employer=factories.EmployerFactory(),
        vacancy=vacancy,
        other_vacancy=other_vacancy,
        draft=draft,
        pending=pending,
        program=program,
        unused_program=factories.ProgramFactory(),
        program_application=program_application,
        job_application=job_application,
        placement=placement,
        retention_check=placement.retention_checks.first(),
        occupation=factories.occupation(),
        today=datetime.date.today(),
        first_plan=factories.first_plan(),
        resume=Resume.objects.create(resident=resident, title="내 이력서", is_default=True),
        # Interviews and messages (interviews, conversations): a proposed interview on the
        # application, whose thread asked staff for help.
        **interview_world(employer, job_application),
    )


def interview_world(employer_user, application):
    import datetime as dt

    from django.utils import timezone

    from conversations import services as conversation_services
    from interviews.models import Interview

    interview = Interview.objects.create(
        application=application,
        starts_at=timezone.now() + dt.timedelta(days=3),
        place="구로구 디지털로 300",
        contact_name="박인사",
        contact_phone="02-860-0000",
        proposed_by=employer_user,
    )
    conversation_services.request_help(
        application=application, by=application.resident.user, note="답이 없습니다"
    )
    return {"interview": interview}


def client_for(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client
