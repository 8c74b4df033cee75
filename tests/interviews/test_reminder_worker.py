"""The day-before reminder is sent by a real Celery worker: once, with its calendar file."""

import datetime
import email
import time
from pathlib import Path

import pytest
from django.utils import timezone

from interviews import services
from interviews.models import Interview
from interviews.tasks import send_interview_reminders
from tests import factories
from tests.workers import start_celery_worker, stop_celery_worker

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def mail_worker(transactional_db, django_db_serialized_rollback, tmp_path):
    """A real worker whose mail goes to files in tmp_path, so the test can read what it sent."""
    from guro_jobs.celery import app as celery_app

    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    process = start_celery_worker(
        "reminder-worker",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path),
    )
    yield tmp_path
    stop_celery_worker(process)


def sent_mails(folder):
    return [email.message_from_bytes(path.read_bytes()) for path in sorted(Path(folder).glob("*.log"))]


def test_a_real_worker_sends_the_reminder_once(mail_worker):
    hr = factories.employer_user(username="hr@reminder.example.kr")
    vacancy = factories.VacancyFactory(employer=hr.employer, title="생산 관리")
    resident = factories.ResidentFactory(with_user=True)
    application = factories.JobApplicationFactory(resident=resident, vacancy=vacancy)
    starts_at = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=20)
    interview = Interview.objects.create(
        application=application,
        status=Interview.Status.CONFIRMED,
        starts_at=starts_at,
        place="구로구 디지털로 300",
        contact_name="박인사",
        contact_phone="02-860-0000",
    )

    send_interview_reminders.delay().get(timeout=60)
    send_interview_reminders.delay().get(timeout=60)  # beat firing again changes nothing

    interview.refresh_from_db()
    assert interview.reminder_sent_for == starts_at
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(sent_mails(mail_worker)) < 2:
        time.sleep(0.5)
    time.sleep(1)  # anything sent twice would have arrived by now
    mails = sent_mails(mail_worker)
    recipients = sorted(message["To"] for message in mails)
    assert recipients == sorted([resident.user.email, hr.email])
    for message in mails:
        parts = [part for part in message.walk() if part.get_content_type() == "text/calendar"]
        assert len(parts) == 1
        calendar = parts[0].get_payload(decode=True).decode()
        assert f"UID:interview-{interview.uid}@guro-jobs" in calendar
        assert "TZID=Asia/Seoul" in calendar
    assert services.send_due_reminders() == 0
