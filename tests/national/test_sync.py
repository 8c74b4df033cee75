"""The national vacancy sync: upsert by posting number, close what disappeared, never duplicate
a partner's own vacancy, and every failure recorded without breaking the local search."""

import pytest
from celery.exceptions import Retry
from django.core.management import CommandError, call_command

from employers.models import Vacancy
from national import services
from national.client import NationalApiRefused, NationalApiUnavailable
from national.models import SyncRun
from national.tasks import sync_national_vacancies
from tests import factories
from tests.national.fake_service import error_answer, list_answer, posting

pytestmark = pytest.mark.django_db

PARTNER_NUMBER = factories.business_number(7001)


def national():
    return Vacancy.objects.filter(source=Vacancy.Source.NATIONAL)


def test_a_sync_imports_every_page_of_every_region_with_its_fields(fake_service, feed_settings):
    fake_service.pages(
        {
            "11530": [posting("K1"), posting("K2", title="경리 사무원", jobsCd="027100", salTpNm="연봉",
                                          minSal="30000000", career="경력(3년이상)", minEdubg="대졸(4년)"),
                      posting("K3", holidayTpNm="주6일근무")],
            "11560": [posting("K4", region="서울 영등포구", basicAddr="서울특별시 영등포구 여의대로 1")],
        }
    )  # fmt: skip
    run = services.sync_from_api()
    assert (run.status, run.pages, run.fetched, run.created, run.closed) == ("succeeded", 3, 4, 4, 0)
    assert [q["startPage"] for q in fake_service.requests if q["region"] == "11530"] == ["1", "2"]
    first = Vacancy.objects.get(national_posting_number="K1")
    assert first.source == "national" and first.status == Vacancy.Status.OPEN
    assert first.occupation.code == "836" and first.district == "11530"
    assert first.external_url.endswith("wantedAuthNo=K1") and first.monthly_wage == 2_500_000
    assert (
        first.career == "new" and first.required_education == "high_school" and first.work_days_per_week == 5
    )
    clerk = Vacancy.objects.get(national_posting_number="K2")
    assert clerk.occupation.code == "027" and clerk.wage_unit == "yearly" and clerk.monthly_wage == 2_500_000
    assert (clerk.career, clerk.career_min_years, clerk.required_education) == (
        "experienced",
        3,
        "university",
    )
    assert Vacancy.objects.get(national_posting_number="K4").district == "11560"


def test_a_second_sync_updates_in_place_and_closes_what_disappeared(fake_service, feed_settings):
    fake_service.pages({"11530": [posting("K1"), posting("K2")], "11560": []})
    services.sync_from_api()
    fake_service.pages({"11530": [posting("K1", title="전자부품 조립 (야간)")], "11560": []})
    run = services.sync_from_api()
    assert (run.created, run.updated, run.closed) == (0, 1, 1)
    assert national().count() == 2
    assert Vacancy.objects.get(national_posting_number="K1").title == "전자부품 조립 (야간)"
    assert Vacancy.objects.get(national_posting_number="K2").status == Vacancy.Status.CLOSED


def test_a_posting_a_partner_also_posted_here_is_not_imported(fake_service, feed_settings):
    partner = factories.EmployerFactory(business_number=PARTNER_NUMBER)
    factories.VacancyFactory(employer=partner, title="전자부품 조립 생산직")
    fake_service.pages({"11530": [posting("K1", busino=PARTNER_NUMBER.replace("-", ""), title="전자부품  조립 생산직"),
                                  posting("K2", busino=PARTNER_NUMBER.replace("-", ""), title="품질 검사원")]})  # fmt: skip
    run = services.sync_from_api()
    assert run.duplicates == 1 and run.created == 1
    imported = national().get()
    assert imported.national_posting_number == "K2" and imported.employer == partner


def test_a_copy_imported_before_the_partner_posted_here_gets_closed(fake_service, feed_settings):
    fake_service.pages({"11530": [posting("K1", busino=PARTNER_NUMBER, title="생산직")]})
    services.sync_from_api()
    partner = national().get().employer
    factories.VacancyFactory(employer=partner, title="생산직")
    run = services.sync_from_api()
    assert run.duplicates == 1 and run.closed == 1
    assert national().get().status == Vacancy.Status.CLOSED


def test_a_service_failing_half_way_closes_nothing_and_says_what_went_wrong(
    fake_service, feed_settings, client
):
    fake_service.pages({"11530": [posting("K1"), posting("K2"), posting("K3")]})
    services.sync_from_api()

    def second_page_fails(query):
        if query["startPage"] == "2":
            return 500, b"Internal Server Error"
        return 200, list_answer([posting("K1"), posting("K2")], total=3, display=2)

    fake_service.answer = second_page_fails
    with pytest.raises(NationalApiUnavailable):
        services.sync_from_api()
    run = SyncRun.objects.first()
    assert run.status == SyncRun.Status.PARTIAL and "HTTP 500" in run.errors and run.closed == 0
    assert national().filter(status=Vacancy.Status.OPEN).count() == 3
    page = client.get("/vacancies/")
    assert page.status_code == 200 and "고용24" in page.content.decode()


def test_an_empty_answer_closes_nothing(fake_service, feed_settings):
    fake_service.pages({"11530": [posting("K1")]})
    services.sync_from_api()
    fake_service.answer = lambda query: (200, list_answer([], total=0))
    run = services.sync_from_api()
    assert run.closed == 0 and "받은 공고가 없어" in run.errors
    assert national().get().status == Vacancy.Status.OPEN


def test_a_malformed_answer_is_a_failed_run_with_its_reason(fake_service, feed_settings):
    fake_service.answer = lambda query: (200, b"<wantedRoot><wanted><title>")
    with pytest.raises(NationalApiUnavailable):
        services.sync_from_api()
    run = SyncRun.objects.get()
    assert run.status == SyncRun.Status.FAILED and "XML" in run.errors and run.finished_at


def test_a_timeout_is_a_failed_run(fake_service, feed_settings):
    feed_settings.NATIONAL_VACANCY_API_TIMEOUT = 0.2
    fake_service.delay = 1.0
    with pytest.raises(NationalApiUnavailable):
        services.sync_from_api()
    assert "응답하지 않았습니다" in SyncRun.objects.get().errors


def test_the_task_retries_an_unavailable_service_with_backoff(fake_service, feed_settings):
    fake_service.answer = lambda query: (503, b"busy")
    with pytest.raises(Retry) as first:
        sync_national_vacancies.apply()
    assert 0 <= first.value.when <= 60  # retry_backoff=60 with jitter: at most a minute
    with pytest.raises(Retry) as fourth:
        sync_national_vacancies.apply(retries=3)
    assert 0 <= fourth.value.when <= 60 * 2**3
    assert SyncRun.objects.filter(status=SyncRun.Status.FAILED).count() == 2
    assert "HTTP 503" in SyncRun.objects.first().errors


def test_the_task_does_not_retry_an_error_code(fake_service, feed_settings):
    fake_service.answer = lambda query: (200, error_answer("002", "유효하지 않은 인증키입니다."))
    with pytest.raises(NationalApiRefused):
        sync_national_vacancies.apply()
    run = SyncRun.objects.get()
    assert run.status == SyncRun.Status.FAILED and "002" in run.errors


def test_the_task_does_nothing_while_the_feed_is_not_configured(settings):
    settings.NATIONAL_VACANCY_API_URL = ""
    assert sync_national_vacancies.apply().result["status"] == "not_configured"
    assert not SyncRun.objects.exists()


def test_the_command_syncs_from_a_saved_response_file(tmp_path):
    saved = tmp_path / "wanted.xml"
    saved.write_bytes(list_answer([posting("K9", title="택배 분류원", jobsCd="624100")]))
    call_command("sync_national_vacancies", "--file", str(saved))
    vacancy = national().get()
    assert vacancy.title == "택배 분류원" and vacancy.occupation.code == "624"
    assert SyncRun.objects.get().origin == SyncRun.Origin.FILE


def test_the_command_refuses_a_malformed_file_with_a_korean_message(tmp_path):
    saved = tmp_path / "wanted.xml"
    saved.write_bytes(b"<html>")
    with pytest.raises(CommandError, match="고용24의 응답을 읽을 수 없습니다"):
        call_command("sync_national_vacancies", "--file", str(saved))
    assert SyncRun.objects.get().status == SyncRun.Status.FAILED


def test_the_command_says_the_feed_is_not_configured(settings):
    settings.NATIONAL_VACANCY_API_KEY = ""
    with pytest.raises(CommandError, match="고용24 연계가 설정되지 않았습니다"):
        call_command("sync_national_vacancies")


def test_the_admin_shows_the_last_syncs_time_counts_and_errors(
    client, staff_user, fake_service, feed_settings
):
    fake_service.pages({"11530": [posting("K1"), posting("K2")]})
    services.sync_from_api()
    fake_service.answer = lambda query: (200, error_answer("002", "유효하지 않은 인증키입니다."))
    with pytest.raises(NationalApiRefused):
        services.sync_from_api()
    client.force_login(staff_user)
    page = client.get("/admin/national/syncrun/").content.decode()
    assert "유효하지 않은 인증키" in page and "실패" in page and "완료" in page
    assert page.index("실패") < page.index("완료")  # newest first


def test_a_national_vacancy_links_out_and_cannot_be_applied_to_here(client, fake_service, feed_settings):
    fake_service.pages({"11530": [posting("K1")]})
    services.sync_from_api()
    vacancy = national().get()
    page = client.get(f"/vacancies/{vacancy.pk}/").content.decode()
    assert "고용24에서 보고 지원하기" in page and vacancy.external_url in page.replace("&amp;", "&")
    resident = factories.ResidentFactory()
    from placements.services import apply_to_vacancy

    with pytest.raises(Exception, match="고용24에서 지원합니다"):
        apply_to_vacancy(resident=resident, vacancy=vacancy)
