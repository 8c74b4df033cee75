"""A small world for the portal's view tests: two residents, two employers, their records."""

from types import SimpleNamespace

import pytest

from alerts.models import SavedSearch
from employers.models import Vacancy
from tests import factories


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Password hashing is deliberately slow; view tests do not need that strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db):
    resident = factories.ResidentFactory(with_user=True, name="김구로")
    other_resident = factories.ResidentFactory(with_user=True, name="이신도")
    employer_user = factories.employer_user()
    other_employer_user = factories.employer_user()
    vacancy = factories.VacancyFactory(employer=employer_user.employer, title="물류 관리 사원")
    draft = factories.VacancyFactory(
        employer=employer_user.employer, status=Vacancy.Status.DRAFT, posted_on=None
    )
    other_vacancy = factories.VacancyFactory(employer=other_employer_user.employer, title="다른 회사 공고")
    application = factories.JobApplicationFactory(resident=resident, vacancy=vacancy)
    other_application = factories.JobApplicationFactory(resident=other_resident, vacancy=other_vacancy)
    program = factories.ProgramFactory()
    saved_search = SavedSearch.objects.create(resident=resident, query="q=물류")
    other_saved_search = SavedSearch.objects.create(resident=other_resident, query="q=개발")
    return SimpleNamespace(
        resident=resident,
        other_resident=other_resident,
        employer_user=employer_user,
        other_employer_user=other_employer_user,
        vacancy=vacancy,
        draft=draft,
        other_vacancy=other_vacancy,
        application=application,
        other_application=other_application,
        program=program,
        saved_search=saved_search,
        other_saved_search=other_saved_search,
        staff_user=factories.staff_user(),
    )
