"""관심 공고: a resident saves open vacancies, sees them on /me/ (closed ones marked), and gets one
reminder mail when one closes soon."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from alerts import services
from alerts.models import SavedVacancy
from alerts.tasks import send_closing_reminders_task
from employers.models import Vacancy
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident():
    return factories.ResidentFactory(with_user=True)


def test_a_resident_saves_a_vacancy_from_its_page_and_sees_it_on_their_page(client, resident):
    vacancy = factories.VacancyFactory(title="물류센터 관리자")
    client.force_login(resident.user)

    page = client.get(f"/vacancies/{vacancy.pk}/").content.decode()
    assert "관심 공고 저장" in page
    response = client.post(f"/me/alerts/vacancies/{vacancy.pk}/save/", {"next": f"/vacancies/{vacancy.pk}/"})

    assert response.status_code == 302 and response.url == f"/vacancies/{vacancy.pk}/"
    assert SavedVacancy.objects.filter(resident=resident, vacancy=vacancy).exists()
    assert "관심 공고 빼기" in client.get(f"/vacancies/{vacancy.pk}/").content.decode()
    me = client.get("/me/").content.decode()
    assert "관심 공고" in me and "물류센터 관리자" in me


def test_saving_twice_keeps_one_and_unsaving_removes_it(client, resident):
    vacancy = factories.VacancyFactory()
    client.force_login(resident.user)
    client.post(f"/me/alerts/vacancies/{vacancy.pk}/save/")
    client.post(f"/me/alerts/vacancies/{vacancy.pk}/save/")
    assert SavedVacancy.objects.filter(resident=resident).count() == 1
    client.post(f"/me/alerts/vacancies/{vacancy.pk}/unsave/")
    assert not SavedVacancy.objects.exists()


def test_only_open_vacancies_can_be_saved(resident):
    draft = factories.VacancyFactory(status=Vacancy.Status.DRAFT, posted_on=None)
    with pytest.raises(Exception, match="모집 중인 공고만"):
        services.save_vacancy(resident=resident, vacancy=draft)


def test_the_redirect_after_saving_never_leaves_the_site(client, resident):
    vacancy = factories.VacancyFactory()
    client.force_login(resident.user)
    response = client.post(f"/me/alerts/vacancies/{vacancy.pk}/save/", {"next": "https://evil.example/"})
    assert response.url == f"/vacancies/{vacancy.pk}/"


def test_only_residents_may_save_vacancies(client, employer_user):
    vacancy = factories.VacancyFactory()
    assert client.post(f"/me/alerts/vacancies/{vacancy.pk}/save/").status_code == 302  # to the login
    client.force_login(employer_user)
    assert client.post(f"/me/alerts/vacancies/{vacancy.pk}/save/").status_code == 403
    assert "관심 공고 저장" not in client.get(f"/vacancies/{vacancy.pk}/").content.decode()


def test_closed_and_expired_saved_vacancies_are_marked_on_the_residents_page(client, resident):
    closed = factories.VacancyFactory(title="마감된 공고")
    expired = factories.VacancyFactory(
        title="기한 지난 공고",
        posted_on=timezone.localdate() - datetime.timedelta(days=10),
        closes_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    open_one = factories.VacancyFactory(title="모집 중 공고")
    for vacancy in (closed, expired, open_one):
        SavedVacancy.objects.create(resident=resident, vacancy=vacancy)
    Vacancy.objects.filter(pk=closed.pk).update(status=Vacancy.Status.CLOSED)
    client.force_login(resident.user)

    me = client.get("/me/").content.decode()

    assert me.count('<span class="krds-badge status-closed">마감</span>') == 2
    assert f'href="/vacancies/{open_one.pk}/"' in me
    assert f'href="/vacancies/{closed.pk}/"' not in me


def test_the_vacancy_list_reads_the_saved_vacancies_once_for_the_whole_page(
    client, resident, django_assert_max_num_queries, settings
):
    for _ in range(3):
        SavedVacancy.objects.create(resident=resident, vacancy=factories.VacancyFactory())
    client.force_login(resident.user)
    settings.PAGE_CACHE_SECONDS = 0  # both pages filtered and drawn (a kept copy costs fewer queries)
    client.get("/vacancies/")  # warm the cached filter form
    with django_assert_max_num_queries(12) as few:
        client.get("/vacancies/")
    for _ in range(10):
        factories.VacancyFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/vacancies/").content.decode()
    assert page.count("관심 공고 빼기") == 3 and page.count("관심 공고 저장") == 10


def closing_in(days, **kwargs):
    return factories.VacancyFactory(closes_on=timezone.localdate() + datetime.timedelta(days=days), **kwargs)


def test_a_saved_vacancy_closing_soon_is_reminded_once(resident, django_capture_on_commit_callbacks):
    soon = SavedVacancy.objects.create(resident=resident, vacancy=closing_in(2, title="곧 마감 공고"))
    SavedVacancy.objects.create(resident=resident, vacancy=closing_in(10, title="나중 마감 공고"))
    SavedVacancy.objects.create(resident=resident, vacancy=factories.VacancyFactory(title="상시 공고"))

    with django_capture_on_commit_callbacks(execute=True):
        assert send_closing_reminders_task.delay().get() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert send_closing_reminders_task.delay().get() == 0

    assert len(mail.outbox) == 1
    assert "곧 마감 공고" in mail.outbox[0].subject
    closes_on = soon.vacancy.closes_on
    assert f"{closes_on.year}년 {closes_on.month}월 {closes_on.day}일" in mail.outbox[0].body
    soon.refresh_from_db()
    assert soon.reminded_at is not None


def test_a_vacancy_closed_by_hand_gets_no_reminder(resident, django_capture_on_commit_callbacks):
    vacancy = closing_in(1)
    saved = SavedVacancy.objects.create(resident=resident, vacancy=vacancy)
    Vacancy.objects.filter(pk=vacancy.pk).update(status=Vacancy.Status.CLOSED)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_closing_reminder(saved_vacancy=saved) is False
    assert mail.outbox == []


def test_closing_reminders_run_every_morning_from_celery_beat():
    entry = settings.CELERY_BEAT_SCHEDULE["send-saved-vacancy-reminders"]
    assert entry["task"] == "alerts.tasks.send_closing_reminders_task"


@pytest.mark.services
def test_a_real_worker_sends_the_closing_reminder_once(celery_worker):
    import time

    resident = factories.ResidentFactory(with_user=True)
    saved = SavedVacancy.objects.create(resident=resident, vacancy=closing_in(1))
    send_closing_reminders_task.delay().get(timeout=30)
    send_closing_reminders_task.delay().get(timeout=30)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        saved.refresh_from_db()
        if saved.reminded_at:
            break
        time.sleep(0.2)
    assert saved.reminded_at is not None
    reminded_at = saved.reminded_at
    from alerts.tasks import send_closing_reminder_task

    assert send_closing_reminder_task.delay(saved_vacancy_id=saved.pk).get(timeout=30) is False
    saved.refresh_from_db()
    assert saved.reminded_at == reminded_at


def test_saved_vacancies_are_in_the_residents_own_data_download(client, resident):
    SavedVacancy.objects.create(resident=resident, vacancy=factories.VacancyFactory(title="내가 저장한 공고"))
    client.force_login(resident.user)
    assert "내가 저장한 공고" in client.get("/me/data.json").content.decode()
