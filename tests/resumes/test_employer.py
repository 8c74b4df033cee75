"""What the employer sees: with consent the snapshot resume, its file and notes; without, nothing more."""

import io

import openpyxl
import pytest

from audit.models import PersonalDataAccess
from placements.models import ApplicantNote
from placements.services import apply_to_vacancy
from resumes import services
from tests import factories
from tests.resumes.conftest import PDF_BYTES, day, make_resume, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def applied():
    employer_user = factories.employer_user()
    vacancy = factories.VacancyFactory(employer=employer_user.employer, title="물류 관리")
    resident = factories.ResidentFactory(with_user=True, name="김구로")
    resume = make_resume(
        resident, title="물류 경력 이력서", careers=[("구로물류", day("2019-01-01"), day("2023-12-31"))]
    )
    resume.motivation = "물류 현장을 잘 압니다."
    services.save_resume(resume=resume)
    services.attach_file(resume=resume, file=upload(PDF_BYTES, "cv.pdf"))
    application = apply_to_vacancy(resident=resident, vacancy=vacancy, resume=resume)
    return employer_user, application


def test_employer_reads_the_snapshot_resume_on_a_printable_page_and_the_read_is_logged(client, applied):
    employer_user, application = applied
    client.force_login(employer_user)
    listing = client.get(f"/employer/vacancies/{application.vacancy_id}/").content.decode()
    assert f"/employer/applications/{application.pk}/resume/" in listing
    page = client.get(f"/employer/applications/{application.pk}/resume/").content.decode()
    assert "물류 경력 이력서" in page and "물류 현장을 잘 압니다." in page and "구로물류" in page
    assert "resume-print.css" in page
    assert PersonalDataAccess.objects.filter(
        account=employer_user, resident=application.resident, target="지원 이력서"
    ).exists()


def test_employer_downloads_the_snapshot_file_and_the_read_is_logged(client, applied):
    employer_user, application = applied
    client.force_login(employer_user)
    response = client.get(f"/employer/applications/{application.pk}/resume/file/")
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert (
        PersonalDataAccess.objects.filter(account=employer_user, target="지원 이력서 첨부 파일").count() == 1
    )


def test_without_provision_consent_the_employer_gets_no_resume_page_or_file(client, applied):
    employer_user, application = applied
    resident = application.resident
    resident.provision_consented_at = None
    resident.save()
    client.force_login(employer_user)
    assert client.get(f"/employer/applications/{application.pk}/resume/").status_code == 404
    assert client.get(f"/employer/applications/{application.pk}/resume/file/").status_code == 404
    listing = client.get(f"/employer/vacancies/{application.vacancy_id}/").content.decode()
    assert "김구로" not in listing and "/resume/" not in listing


def test_another_employer_gets_no_resume(client, applied):
    _employer_user, application = applied
    client.force_login(factories.employer_user())
    assert client.get(f"/employer/applications/{application.pk}/resume/").status_code == 404
    assert client.get(f"/employer/applications/{application.pk}/resume/file/").status_code == 404


def test_private_notes_are_seen_only_by_that_employers_users(client, applied):
    employer_user, application = applied
    client.force_login(employer_user)
    client.post(f"/employer/applications/{application.pk}/resume/", {"body": "2차 면접 후보"})
    note = ApplicantNote.objects.get()
    assert note.employer == employer_user.employer and note.author == employer_user
    colleague = factories.employer_user(employer=employer_user.employer, username="colleague@example.kr")
    client.force_login(colleague)
    assert "2차 면접 후보" in client.get(f"/employer/applications/{application.pk}/resume/").content.decode()
    client.force_login(application.resident.user)
    assert "2차 면접 후보" not in client.get("/me/").content.decode()


def test_an_empty_note_is_refused_in_korean(client, applied):
    employer_user, application = applied
    client.force_login(employer_user)
    response = client.post(f"/employer/applications/{application.pk}/resume/", {"body": "  "}, follow=True)
    assert "메모 내용을 적어 주세요." in response.content.decode()
    assert not ApplicantNote.objects.exists()


def test_applicants_xlsx_lists_only_consented_applicants_formula_safe_and_is_logged(client, applied):
    employer_user, application = applied
    vacancy = application.vacancy
    sneaky = factories.ResidentFactory(name='=HYPERLINK("http://x")')
    factories.JobApplicationFactory(resident=sneaky, vacancy=vacancy)
    unconsented = factories.ResidentFactory(name="동의안함", provision_consented_at=None)
    factories.JobApplicationFactory(resident=unconsented, vacancy=vacancy)
    client.force_login(employer_user)
    response = client.get(f"/employer/vacancies/{vacancy.pk}/applicants.xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "김구로" in names and "동의안함" not in names
    assert '\'=HYPERLINK("http://x")' in names
    assert all(
        not (isinstance(cell, str) and cell.startswith("="))
        for row in sheet.iter_rows(values_only=True)
        for cell in row
    )
    log = PersonalDataAccess.objects.get(account=employer_user, action="export")
    assert log.row_count == 2


def test_another_employers_vacancy_cannot_be_downloaded(client, applied):
    _employer_user, application = applied
    client.force_login(factories.employer_user())
    assert client.get(f"/employer/vacancies/{application.vacancy_id}/applicants.xlsx").status_code == 404


def test_the_applicants_page_costs_the_same_queries_with_resumes_sent(
    client, applied, django_assert_max_num_queries
):
    employer_user, application = applied
    for _ in range(8):
        resident = factories.ResidentFactory()
        apply_to_vacancy(resident=resident, vacancy=application.vacancy, resume=make_resume(resident))
    client.force_login(employer_user)
    with django_assert_max_num_queries(12):  # the same guard as without resumes (tests/portal)
        page = client.get(f"/employer/vacancies/{application.vacancy_id}/").content.decode()
    assert page.count("이력서 보기") == 9
