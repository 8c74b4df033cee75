"""Every task has its queue, each queue its worker in the Procfile, and each task the time limit of
its queue; acknowledged late everywhere, so a killed worker's task is delivered again."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory

from employers.models import Vacancy
from guro_jobs import db_router
from guro_jobs.celery import app

PROCFILE = Path(settings.BASE_DIR) / "Procfile"


def queue_of(task_name):
    return app.amqp.router.route({}, task_name)["queue"].name


@pytest.fixture(scope="module")
def project_tasks():
    app.loader.import_default_modules()
    return {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}


@pytest.mark.parametrize(
    ("task_name", "queue"),
    [
        ("notifications.tasks.send_mail_task", "mail"),
        ("alerts.tasks.send_job_alert_task", "mail"),
        ("alerts.tasks.send_job_alerts_task", "mail"),
        ("reports.recompute_dashboard", "dashboards"),
        ("reports.recompute_all_dashboards", "dashboards"),
        ("spreadsheets.tasks.import_job_task", "imports"),
        ("residents.tasks.anonymise_expired_residents", "celery"),
        ("placements.tasks.create_due_retention_checks", "celery"),
        # The national vacancy feed, whatever app its task lives in.
        ("employers.tasks.fetch_national_vacancies", "national"),
        ("references.tasks.sync_national_feed", "national"),
    ],
)
def test_each_task_goes_to_its_own_queue(task_name, queue):
    assert queue_of(task_name) == queue


def test_every_task_is_acknowledged_late_with_its_queues_time_limits(project_tasks):
    assert project_tasks
    for name, task in project_tasks.items():
        hard, soft = settings.CELERY_QUEUE_TIME_LIMITS[queue_of(name)]
        assert task.acks_late, name
        assert (task.time_limit, task.soft_time_limit) == (hard, soft), name
        assert soft < hard, name
    mail_limit = project_tasks["notifications.tasks.send_mail_task"].time_limit
    assert mail_limit < project_tasks["reports.recompute_all_dashboards"].time_limit
    # A task redelivered after a lost worker must not come back while its first run may still go on.
    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] > max(
        hard for hard, _soft in settings.CELERY_QUEUE_TIME_LIMITS.values()
    )


def test_the_procfile_runs_one_worker_per_queue_and_exactly_one_beat():
    lines = [line for line in PROCFILE.read_text().splitlines() if line and not line.startswith("#")]
    workers = [line for line in lines if " worker " in line]
    consumed = [re.search(r"--queues (\S+)", line).group(1).split(",") for line in workers]
    all_queues = [queue.name for queue in settings.CELERY_TASK_QUEUES]
    assert sorted(queue for queues in consumed for queue in queues) == sorted(all_queues)
    assert ["mail", "celery"] in consumed  # status mail never waits behind a recompute or an import
    assert sum(" beat " in line for line in lines) == 1


def test_without_a_replica_every_read_and_write_uses_the_primary(client, db):
    assert not db_router.replica_configured()
    router = db_router.PrimaryReplicaRouter()
    assert router.db_for_read(Vacancy) == router.db_for_write(Vacancy) == "default"
    assert not db_router.replica_usable()
    response = client.get("/vacancies/")
    assert response.status_code == 200 and db_router.PIN_COOKIE not in response.cookies


def test_the_pin_cookie_is_read_as_a_time_and_nonsense_is_ignored():
    factory = RequestFactory()
    future = factory.get("/", HTTP_COOKIE=f"{db_router.PIN_COOKIE}=99999999999")
    nonsense = factory.get("/", HTTP_COOKIE=f"{db_router.PIN_COOKIE}=soon")
    past = factory.get("/", HTTP_COOKIE=f"{db_router.PIN_COOKIE}=1")
    assert db_router._pinned(future) and not db_router._pinned(nonsense) and not db_router._pinned(past)
