"""A status change sends its text through a real Celery worker on the mail queue, to the NHN Cloud
client pointed at a local fake; a provider that does not answer in time is retried with backoff,
and the page that made the change never waits for it."""

import time

import pytest

from guro_jobs.celery import app as celery_app
from notifications.kinds import Channel
from placements.models import JobApplication
from placements.services import move_job_application
from tests import factories
from tests.notifications.fake_nhn import FakeNhnSms
from tests.workers import start_celery_worker, stop_celery_worker

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def fake_nhn_worker(transactional_db, django_db_serialized_rollback):
    """A real worker whose SMS backend is the NHN Cloud client aimed at a fake on a loopback port."""
    with FakeNhnSms() as fake:
        celery_app.conf.task_always_eager = False
        celery_app.control.purge()
        process = start_celery_worker(
            name="sms-worker",
            SMS_BACKEND="notifications.sms.NhnCloudSmsBackend",
            SMS_NHN_BASE_URL=fake.base_url,
            SMS_NHN_APP_KEY="worker-app-key",
            SMS_NHN_SECRET_KEY="worker-secret",
            SMS_SENDER_NUMBER="02-860-2114",
            SMS_TIMEOUT_SECONDS="1",
        )
        try:
            yield fake
        finally:
            stop_celery_worker(process)


def interview_for_a_resident_who_chose_text():
    application = factories.JobApplicationFactory(
        resident=factories.ResidentFactory(with_user=True, phone="010-4321-8765"),
        vacancy=factories.VacancyFactory(title="물류 관리 사원"),
    )
    user = application.resident.user
    user.notice_channel = Channel.TEXT
    user.save(update_fields=["notice_channel"])
    return application


def test_a_status_change_is_texted_by_the_worker(fake_nhn_worker):
    application = interview_for_a_resident_who_chose_text()
    move_job_application(application=application, status=JobApplication.Status.INTERVIEW, by=None)
    assert fake_nhn_worker.wait_for(1), "the worker sent no text within 30 s"
    (request,) = fake_nhn_worker.requests
    assert request["path"] == "/sms/v3.0/appKeys/worker-app-key/sender/sms"
    assert request["headers"]["X-Secret-Key"] == "worker-secret"
    assert request["json"]["recipientList"] == [{"recipientNo": "01043218765"}]
    assert request["json"]["body"] == "[구로 일자리] 면접 대상자가 되었습니다: 물류 관리 사원"


def test_a_provider_timeout_is_retried_and_never_blocks_the_change(fake_nhn_worker):
    fake_nhn_worker.answers.append((200, None, 3))  # the first try gets no answer within 1 s
    application = interview_for_a_resident_who_chose_text()
    started = time.monotonic()
    move_job_application(application=application, status=JobApplication.Status.INTERVIEW, by=None)
    assert time.monotonic() - started < 1  # the change does not wait for the provider
    assert fake_nhn_worker.wait_for(2, timeout=45), "the worker did not try the text again"
    first, second = fake_nhn_worker.requests[:2]
    assert first["json"] == second["json"]
