import pytest

from national.client import NationalVacancyClient
from tests.national.fake_service import FakeNationalService


@pytest.fixture
def fake_service():
    with FakeNationalService() as service:
        yield service


@pytest.fixture
def client_for(fake_service):
    def make(timeout=2.0):
        return NationalVacancyClient(endpoint=fake_service.url, auth_key="TEST-KEY", timeout=timeout)

    return make


@pytest.fixture
def feed_settings(settings, fake_service):
    """The feed switched on and pointed at the fake service, small pages, two regions."""
    settings.NATIONAL_VACANCY_API_URL = fake_service.url
    settings.NATIONAL_VACANCY_API_KEY = "TEST-KEY"
    settings.NATIONAL_VACANCY_API_TIMEOUT = 1.0
    settings.NATIONAL_VACANCY_REGIONS = ["11530", "11560"]
    settings.NATIONAL_VACANCY_PAGE_SIZE = 2
    return settings
