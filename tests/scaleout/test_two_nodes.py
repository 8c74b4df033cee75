"""A two-node rehearsal: two gunicorn instances, a mail worker and a dashboards worker on their own
queues, and beat, on one PostgreSQL and one Redis, as on two machines. A hire through instance A
is visible through instance B, counted by the dashboards worker, and mailed by the mail worker."""

import time
from contextlib import ExitStack

import pytest
from django.db import connection
from django.utils import timezone

from placements.models import JobApplication
from reports.models import DashboardSnapshot
from tests import factories
from tests.faults.processes import (
    CeleryBeat,
    CeleryWorker,
    RedisServer,
    WebServer,
    free_port,
    service_env,
    stop_processes,
    test_database_url,
    wait_until,
)

pytestmark = pytest.mark.services


@pytest.fixture
def redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def this_years_hires():
    snapshot = DashboardSnapshot.objects.filter(year=timezone.localdate().year).first()
    return None if snapshot is None else snapshot.data["sectors"][0]["actual"]


def test_a_hire_through_one_web_node_is_seen_through_the_other_counted_and_mailed(
    transactional_db, django_db_serialized_rollback, redis, tmp_path
):
    employer_user = factories.employer_user()
    staff = factories.staff_user()
    vacancy = factories.VacancyFactory(employer=employer_user.employer, title="두 서버 채용 공고")
    resident = factories.ResidentFactory(with_user=True, name="두서버주민")
    application = factories.JobApplicationFactory(resident=resident, vacancy=vacancy)
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    env = service_env(database_url=test_database_url(connection), broker_url=redis.url)
    env.update(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_dir),
        DASHBOARD_REFRESH_SECONDS="1",  # beat asks for this year's recompute every second
        # A read replica that is down (nothing listens there): the public pages read the primary.
        DATABASE_REPLICA_URL=f"postgres://postgres@127.0.0.1:{free_port(5600)}/{connection.settings_dict['NAME']}",
    )
    node_a = WebServer(env, tmp_path)
    node_b = WebServer(env, tmp_path, port=free_port(node_a.port + 1))
    mail = CeleryWorker(env, tmp_path, queues="mail,celery", name="mail")
    dashboards = CeleryWorker(env, tmp_path, queues="dashboards", name="dashboards")
    beat = CeleryBeat(env, tmp_path)
    processes = [node_a, node_b, mail, dashboards, beat]
    with ExitStack() as running:
        running.callback(lambda: stop_processes([process.process for process in processes]))
        launched = time.monotonic()
        for process in processes:  # all at once: the machine starts them in parallel
            process.launch()
        for process in processes:  # five Django processes on a busy 2-core machine: up to a minute
            process.wait_ready(timeout=120)
        wait_until(lambda: this_years_hires() == 0, timeout=30, what="beat and the dashboards worker")

        started = time.monotonic()
        print(f"five processes ready in {started - launched:.1f} s")
        employer = node_a.login(employer_user.username, factories.PASSWORD, next_url="/employer/")
        moved = node_a.post(f"/employer/applications/{application.pk}/move/", {"status": "hired"}, employer)
        confirm_page = f"/employer/applications/{application.pk}/hire/"
        assert moved.status_code == 302 and moved.headers["Location"] == confirm_page  # confirm first
        hired = node_a.post(
            confirm_page,
            {"started_on": timezone.localdate().isoformat(), "monthly_wage": "2500000"},
            employer,
        )
        hired_at = time.monotonic()
        assert hired.status_code == 302, hired.text[:500]
        assert JobApplication.objects.get(pk=application.pk).status == JobApplication.Status.HIRED

        # Sessions live in the database: A's login works on B; B shows the placement A recorded.
        assert node_b.get("/employer/", session=employer).status_code == 200
        admin_b = node_b.login_admin(staff.username, factories.PASSWORD)
        placements_page = node_b.get("/admin/placements/placement/", session=admin_b)
        assert placements_page.status_code == 200 and "두서버주민" in placements_page.text
        public = node_b.get("/vacancies/")
        assert public.status_code == 200 and "두 서버 채용 공고" in public.text

        wait_until(
            lambda: any(resident.user.email in path.read_text() for path in mail_dir.iterdir()),
            timeout=30,
            what="the mail worker to send the resident's mail",
        )
        print(f"hire on A -> mail written by the mail worker: {time.monotonic() - hired_at:.2f} s")
        wait_until(
            lambda: this_years_hires() == 1, timeout=30, what="the dashboards worker to count the hire"
        )
        print(f"hire on A -> counted by the dashboards worker: {time.monotonic() - hired_at:.2f} s")
    # Each kind of work ran on its own queue's worker.
    mail_task, recompute_task = (
        "Task notifications.tasks.send_mail_task[",
        "Task reports.recompute_dashboard[",
    )
    assert mail_task in mail.log() and mail_task not in dashboards.log()
    assert recompute_task in dashboards.log() and recompute_task not in mail.log()
    assert "Sending due task refresh-current-dashboard" in beat.log()
    for node in (node_a, node_b):
        assert "Traceback" not in node.log()
    assert "read replica unreachable" in node_b.log()
