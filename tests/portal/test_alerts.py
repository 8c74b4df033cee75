"""Job alerts: a saved search; the nightly task mails new matching vacancies, never one twice."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from alerts import services
from alerts.models import SavedSearch, SentAlert
from alerts.tasks import send_job_alerts_task
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_resident_saves_the_current_search_from_the_vacancy_page(client, resident_user):
    client.force_login(resident_user)
    client.post("/vacancies/save-search/", {"query": "q=요양&page=3&employment_type=part_time"})
    saved = SavedSearch.objects.get()
    assert saved.query == "employment_type=part_time&q=%EC%9A%94%EC%96%91"
    assert "employment_type=part_time" in client.get("/me/alerts/").content.decode()


def test_an_invalid_search_cannot_be_saved(client, resident_user):
    client.force_login(resident_user)
    response = client.post("/vacancies/save-search/", {"query": "employment_type=forever"}, follow=True)
    assert "검색 조건이 올바르지 않아 저장할 수 없습니다." in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_nightly_alert_mails_new_matching_vacancies_once(django_capture_on_commit_callbacks):
    resident = factories.ResidentFactory(with_user=True)
    saved = services.save_search(resident=resident, query="q=요양보호사")
    saved.created_at = timezone.now() - datetime.timedelta(days=1)
    saved.save()
    matching = factories.VacancyFactory(title="요양보호사 모집", approved_at=timezone.now())
    factories.VacancyFactory(title="웹 개발자", approved_at=timezone.now())
    factories.VacancyFactory(
        title="요양보호사 (저장 전 공고)", approved_at=timezone.now() - datetime.timedelta(days=3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_job_alerts_task.delay()
    assert len(mail.outbox) == 1
    assert "요양보호사 모집" in mail.outbox[0].body
    assert "웹 개발자" not in mail.outbox[0].body and "저장 전" not in mail.outbox[0].body
    assert list(SentAlert.objects.values_list("vacancy", flat=True)) == [matching.pk]
    with django_capture_on_commit_callbacks(execute=True):
        send_job_alerts_task.delay()
    assert len(mail.outbox) == 1  # nothing new: no second mail


def test_job_alerts_run_nightly_from_celery_beat():
    entry = settings.CELERY_BEAT_SCHEDULE["send-job-alerts"]
    assert entry["task"] == "alerts.tasks.send_job_alerts_task"
