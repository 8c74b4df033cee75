"""The resident's resume pages (/me/resumes/) and the file behind its owner and staff."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import PersonalDataAccess
from resumes import services
from resumes.models import Resume
from tests import factories
from tests.resumes.conftest import PDF_BYTES, day, make_resume, upload

pytestmark = pytest.mark.django_db


def management(prefix, total=1):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0"}


def resume_post(**fields):
    """The form as posted, with one row for each history that `fields` fills and none for the rest."""
    data = {"title": "물류 이력서"}
    for prefix in ("education", "careers", "certificates", "languages"):
        data.update(management(prefix, total=int(any(key.startswith(f"{prefix}-") for key in fields))))
    data.update(fields)
    return data


def test_resident_creates_a_resume_with_a_career_entry_and_a_pdf(client):
    resident = factories.ResidentFactory(with_user=True)
    client.force_login(resident.user)
    data = resume_post(
        **{
            "careers-0-employer_name": "구로물류",
            "careers-0-started_on": "2019-03-01",
            "careers-0-ended_on": "2023-02-28",
            "careers-0-position": "대리",
            "motivation": "물류 경험을 살리고 싶습니다.",
            "file": upload(PDF_BYTES, "내 이력서.pdf"),
        }
    )
    response = client.post("/me/resumes/new/", data)
    assert response.status_code == 302
    resume = Resume.objects.get(resident=resident)
    assert resume.is_default  # the first resume is the default
    assert resume.careers.get().employer_name == "구로물류"
    assert resume.file_kind == "pdf" and resume.scan_status == "unscanned"
    assert "물류 이력서" in client.get("/me/").content.decode()


def test_a_career_ending_before_it_starts_is_refused_in_korean(client):
    resident = factories.ResidentFactory(with_user=True)
    client.force_login(resident.user)
    data = resume_post(
        **{
            "careers-0-employer_name": "구로물류",
            "careers-0-started_on": "2023-03-01",
            "careers-0-ended_on": "2020-02-28",
        }
    )
    response = client.post("/me/resumes/new/", data)
    assert response.status_code == 400
    assert "퇴사일은 입사일보다 빠를 수 없습니다." in response.content.decode()
    assert not Resume.objects.exists()


def test_a_future_start_is_refused(client):
    resident = factories.ResidentFactory(with_user=True)
    client.force_login(resident.user)
    data = resume_post(**{"education-0-school": "구로고", "education-0-started_on": "2999-03-01"})
    response = client.post("/me/resumes/new/", data)
    assert response.status_code == 400
    assert "미래의 날짜는 입력할 수 없습니다." in response.content.decode()


def test_a_renamed_program_is_refused_on_the_page_and_nothing_is_saved(client):
    resident = factories.ResidentFactory(with_user=True)
    client.force_login(resident.user)
    response = client.post("/me/resumes/new/", resume_post(file=upload(b"MZ\x90\x00program", "이력서.pdf")))
    assert response.status_code == 400
    assert "PDF, 한글(HWP·HWPX), 워드(DOCX)" in response.content.decode()
    assert not Resume.objects.exists()


def test_setting_another_default_leaves_exactly_one(client):
    resident = factories.ResidentFactory(with_user=True)
    first, second = make_resume(resident, title="첫째"), make_resume(resident, title="둘째")
    client.force_login(resident.user)
    client.post(f"/me/resumes/{second.pk}/default/")
    assert list(Resume.objects.filter(is_default=True)) == [second]
    client.post(f"/me/resumes/{second.pk}/delete/")
    first.refresh_from_db()
    assert first.is_default


def test_another_resident_cannot_open_edit_or_download_my_resume(client):
    resume = make_resume(factories.ResidentFactory(with_user=True))
    services.attach_file(resume=resume, file=upload(PDF_BYTES, "cv.pdf"))
    client.force_login(factories.ResidentFactory(with_user=True).user)
    assert client.get(f"/me/resumes/{resume.pk}/").status_code == 404
    assert client.post(f"/me/resumes/{resume.pk}/delete/").status_code == 404
    assert client.get(f"/me/resumes/{resume.pk}/file/").status_code == 404


def test_an_employer_cannot_download_a_resume_file_directly(client):
    resume = make_resume(factories.ResidentFactory(with_user=True))
    services.attach_file(resume=resume, file=upload(PDF_BYTES, "cv.pdf"))
    client.force_login(factories.employer_user())
    assert client.get(f"/me/resumes/{resume.pk}/file/").status_code == 403


def test_owner_and_staff_read_the_file_and_each_read_is_logged(client):
    resident = factories.ResidentFactory(with_user=True)
    resume = make_resume(resident)
    services.attach_file(resume=resume, file=upload(PDF_BYTES, "cv.pdf"))
    client.force_login(resident.user)
    response = client.get(f"/me/resumes/{resume.pk}/file/")
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    client.force_login(factories.staff_user())
    assert client.get(f"/me/resumes/{resume.pk}/file/").status_code == 200
    logged = PersonalDataAccess.objects.filter(resident=resident, target="이력서 첨부 파일")
    assert logged.count() == 2


def test_the_file_is_not_under_any_public_path(client, settings, private_uploads):
    resume = make_resume(factories.ResidentFactory(with_user=True))
    services.attach_file(resume=resume, file=upload(PDF_BYTES, "cv.pdf"))
    stored = (private_uploads / resume.file_path).resolve()
    for public in (settings.MEDIA_ROOT, settings.STATIC_ROOT):
        if public:
            assert not str(stored).startswith(str(public))
    assert client.get(f"/media/{resume.file_path}").status_code == 404
    assert client.get(f"/static/{resume.file_path}").status_code == 404


def test_the_resume_list_costs_the_same_queries_for_two_resumes_as_for_eight(client):
    resident = factories.ResidentFactory(with_user=True)
    client.force_login(resident.user)
    for index in range(2):
        make_resume(
            resident, title=f"이력서 {index}", careers=[("구로전자", day("2020-01-01"), day("2020-12-31"))]
        )
    with CaptureQueriesContext(connection) as few:
        assert client.get("/me/resumes/").status_code == 200
    for index in range(2, 8):
        make_resume(
            resident, title=f"이력서 {index}", careers=[("구로전자", day("2020-01-01"), day("2020-12-31"))]
        )
    with CaptureQueriesContext(connection) as many:
        assert client.get("/me/resumes/").status_code == 200
    assert len(many) == len(few)
