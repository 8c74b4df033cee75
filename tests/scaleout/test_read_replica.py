"""Reads from a real PostgreSQL hot standby (DATABASE_REPLICA_URL): public pages, dashboards and
exports read it; writes, and a browser's pages right after it wrote, use the primary; a lagging
or stopped standby is skipped and nothing fails."""

import pytest
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from audit.models import PersonalDataAccess
from employers.models import Vacancy
from guro_jobs import db_router
from reports import services as report_services
from tests import factories
from tests.faults.processes import wait_until
from tests.scaleout.conftest import wait_replicated

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, databases=["default", "replica"]),
]


def replayed(model, **lookup):
    return lambda: model.objects.using("replica").filter(**lookup).exists()


def standby_queries(captured):
    """The queries a page sent to the standby, leaving out the lag check."""
    return [query for query in captured.captured_queries if "pg_is_in_recovery" not in query["sql"]]


def test_public_pages_read_the_standby_until_the_browser_writes(client, hot_standby, replica_settings):
    vacancy = factories.VacancyFactory(title="옛 제목 공고")
    resident = factories.ResidentFactory(with_user=True)
    wait_replicated(replayed(Vacancy, pk=vacancy.pk))
    hot_standby.pause_replay()  # the standby now holds the old title, the primary the new one
    try:
        Vacancy.objects.filter(pk=vacancy.pk).update(title="새 제목 공고")
        visitor = Client()
        with CaptureQueriesContext(connections["replica"]) as on_standby:
            page = visitor.get("/vacancies/").content.decode()
        assert "옛 제목 공고" in page and "새 제목 공고" not in page
        assert standby_queries(on_standby)

        client.force_login(resident.user)
        response = client.post(f"/vacancies/{vacancy.pk}/apply/")  # a write: on the primary
        assert response.status_code == 302
        assert response.cookies[db_router.PIN_COOKIE]["max-age"] == replica_settings.REPLICA_PIN_SECONDS
        with CaptureQueriesContext(connections["replica"]) as on_standby:
            own_view = client.get("/vacancies/").content.decode()
            detail = client.get(f"/vacancies/{vacancy.pk}/").content.decode()
        assert "새 제목 공고" in own_view and "새 제목 공고" in detail
        assert not standby_queries(on_standby)
        assert "옛 제목 공고" in visitor.get("/vacancies/").content.decode()  # others: still the standby
    finally:
        hot_standby.resume_replay()
    wait_replicated(replayed(Vacancy, pk=vacancy.pk, title="새 제목 공고"))
    assert "새 제목 공고" in Client().get("/vacancies/").content.decode()


def test_an_admin_export_reads_the_standby_and_logs_the_access_on_the_primary(
    client, hot_standby, replica_settings, staff_user
):
    vacancy = factories.VacancyFactory(title="내보내기 전 제목")
    wait_replicated(replayed(Vacancy, pk=vacancy.pk))
    hot_standby.pause_replay()
    try:
        Vacancy.objects.filter(pk=vacancy.pk).update(title="내보내기 후 제목")
        client.force_login(staff_user)
        response = client.post(
            "/admin/employers/vacancy/export/", {"file_format": "csv", "reason": "복제 서버 읽기 확인"}
        )
    finally:
        hot_standby.resume_replay()
    assert response.status_code == 200
    exported = response.content.decode("utf-8-sig")
    assert "내보내기 전 제목" in exported and "내보내기 후 제목" not in exported
    assert PersonalDataAccess.objects.filter(detail="복제 서버 읽기 확인", row_count=1).exists()
    assert db_router.PIN_COOKIE not in response.cookies  # the access log alone does not pin


def test_a_lagging_standby_is_skipped(client, hot_standby, replica_settings, manager_user):
    replica_settings.REPLICA_MAX_LAG_SECONDS = 1
    vacancy = factories.VacancyFactory(title="지연 전 제목")
    report_services.store_snapshot(year=2011)
    wait_replicated(replayed(Vacancy, pk=vacancy.pk))
    hot_standby.pause_replay()
    try:
        Vacancy.objects.filter(pk=vacancy.pk).update(title="지연 후 제목")
        wait_until(lambda: (db_router.replica_lag() or 0) > 1.2, timeout=10, what="the standby to lag")
        manager = Client()
        manager.force_login(manager_user)
        with CaptureQueriesContext(connections["replica"]) as on_standby:
            page = client.get("/vacancies/")
            dashboard = manager.get("/dashboard/?year=2011")
        assert page.status_code == 200 and "지연 후 제목" in page.content.decode()
        assert dashboard.status_code == 200
        assert not standby_queries(on_standby)
    finally:
        hot_standby.resume_replay()


def test_pages_answer_from_the_primary_while_the_standby_is_down(
    client, hot_standby, replica_settings, manager_user, staff_user
):
    vacancy = factories.VacancyFactory(title="주 서버의 공고")
    factories.ProgramFactory(name="주 서버의 사업")
    report_services.store_snapshot(year=2011)
    wait_replicated(replayed(Vacancy, pk=vacancy.pk))
    manager = Client()
    manager.force_login(manager_user)
    staff = Client()
    staff.force_login(staff_user)
    # The standby dies between two health checks: the page's first query fails on it, and the
    # view runs again on the primary.
    replica_settings.REPLICA_CHECK_SECONDS = 60
    assert client.get("/vacancies/").status_code == 200 and db_router.replica_usable()
    hot_standby.stop_server()
    try:
        page = client.get("/vacancies/")
        assert page.status_code == 200 and "주 서버의 공고" in page.content.decode()
        # From then on every check finds it down, and every page still answers.
        replica_settings.REPLICA_CHECK_SECONDS = 0
        for browser, path, expected in [
            (client, "/", None),
            (client, "/vacancies/", "주 서버의 공고"),
            (client, f"/vacancies/{vacancy.pk}/", "주 서버의 공고"),
            (client, "/programs/", "주 서버의 사업"),
            (manager, "/dashboard/?year=2011", None),
            (manager, "/dashboard/2011/export.csv", None),
        ]:
            response = browser.get(path)
            assert response.status_code == 200, path
            assert expected is None or expected in response.content.decode(), path
        export = staff.post("/admin/employers/vacancy/export/", {"file_format": "csv", "reason": "장애 확인"})
        assert export.status_code == 200 and "주 서버의 공고" in export.content.decode("utf-8-sig")
        assert not db_router.replica_usable()
    finally:
        hot_standby.start_server()
    wait_until(db_router.replica_usable, timeout=15, what="the standby to be back")
    with CaptureQueriesContext(connections["replica"]) as on_standby:
        assert client.get("/vacancies/").status_code == 200
    assert standby_queries(on_standby)  # back on the standby once it answers again
