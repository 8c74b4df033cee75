import pytest

from notifications import sms
from tests.notifications.fake_nhn import FakeNhnSms


@pytest.fixture
def texts(settings):
    """Texts go to notifications.sms.outbox."""
    settings.SMS_BACKEND = "notifications.sms.LocmemSmsBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@pytest.fixture
def fake_nhn(settings):
    with FakeNhnSms() as fake:
        settings.SMS_BACKEND = "notifications.sms.NhnCloudSmsBackend"
        settings.SMS_NHN_BASE_URL = fake.base_url
        settings.SMS_NHN_APP_KEY = "test-app-key"
        settings.SMS_NHN_SECRET_KEY = "test-secret"
        settings.SMS_SENDER_NUMBER = "02-860-2114"
        settings.SMS_TIMEOUT_SECONDS = 0.5
        yield fake
