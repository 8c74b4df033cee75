"""/api/v1/resumes/: a resident's own with their histories; staff read all, each read logged."""

import pytest
from rest_framework.test import APIClient

from audit.models import PersonalDataAccess
from resumes import services
from tests import factories
from tests.resumes.conftest import PDF_BYTES, make_resume, upload

pytestmark = pytest.mark.django_db


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_resident_creates_a_resume_with_its_histories_and_reads_only_their_own():
    resident = factories.ResidentFactory(with_user=True)
    make_resume(factories.ResidentFactory(), title="남의 이력서")
    client = client_for(resident.user)
    response = client.post(
        "/api/v1/resumes/",
        {
            "title": "API 이력서",
            "desired_employment_types": ["full_time"],
            "education": [{"school": "구로고", "started_on": "1996-03-01", "ended_on": "1999-02-28"}],
            "careers": [{"employer_name": "구로전자", "started_on": "2020-01-01", "ended_on": "2021-12-31"}],
            "languages": [{"language": "영어", "level": "TOEIC 850"}],
        },
        format="json",
    )
    assert response.status_code == 201, response.data
    assert response.data["is_default"] is True
    assert response.data["careers"][0]["employer_name"] == "구로전자"
    titles = [row["title"] for row in client.get("/api/v1/resumes/").data["results"]]
    assert titles == ["API 이력서"]


def test_a_career_ending_before_it_starts_is_a_400_with_a_korean_message():
    resident = factories.ResidentFactory(with_user=True)
    response = client_for(resident.user).post(
        "/api/v1/resumes/",
        {
            "title": "x",
            "careers": [{"employer_name": "A", "started_on": "2022-01-01", "ended_on": "2020-01-01"}],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "퇴사일은 입사일보다 빠를 수 없습니다." in str(response.data)


def test_staff_reads_of_resumes_are_access_logged():
    resident = factories.ResidentFactory(with_user=True)
    resume = make_resume(resident)
    staff = factories.staff_user()
    client = client_for(staff)
    assert client.get("/api/v1/resumes/").status_code == 200
    assert client.get(f"/api/v1/resumes/{resume.pk}/").status_code == 200
    assert PersonalDataAccess.objects.filter(account=staff).count() == 2
    assert PersonalDataAccess.objects.filter(account=staff, resident=resident).exists()


def test_resident_attaches_replaces_downloads_and_removes_the_file_through_the_api():
    resident = factories.ResidentFactory(with_user=True)
    resume = make_resume(resident)
    client = client_for(resident.user)

    attached = client.put(
        f"/api/v1/resumes/{resume.pk}/file/", {"file": upload(PDF_BYTES, "내 이력서.pdf")}, format="multipart"
    )
    assert attached.status_code == 200, attached.data
    assert (attached.data["has_file"], attached.data["file_name"]) == (True, "내 이력서.pdf")
    downloaded = client.get(f"/api/v1/resumes/{resume.pk}/file/")
    assert downloaded.status_code == 200
    assert b"".join(downloaded.streaming_content) == PDF_BYTES

    refused = client.put(
        f"/api/v1/resumes/{resume.pk}/file/",
        {"file": upload(b"MZ\x90\x00program", "cv.pdf")},
        format="multipart",
    )
    assert refused.status_code == 400
    assert "PDF, 한글(HWP·HWPX), 워드(DOCX)" in refused.data["file"][0]
    resume.refresh_from_db()
    assert resume.file_name == "내 이력서.pdf"  # the refused file changed nothing

    assert client.put(f"/api/v1/resumes/{resume.pk}/file/", {}, format="multipart").data["file"] == [
        "올릴 파일을 골라 주세요."
    ]
    assert client.delete(f"/api/v1/resumes/{resume.pk}/file/").status_code == 204
    resume.refresh_from_db()
    assert not resume.has_file
    assert client.get(f"/api/v1/resumes/{resume.pk}/file/").status_code == 404


def test_staff_download_a_resume_file_logged_and_no_one_else_touches_it():
    resume = make_resume(factories.ResidentFactory(with_user=True))
    services.attach_file(resume=resume, file=upload(PDF_BYTES, "cv.pdf"))
    staff = factories.staff_user()

    assert client_for(staff).get(f"/api/v1/resumes/{resume.pk}/file/").status_code == 200
    assert PersonalDataAccess.objects.filter(
        account=staff, resident=resume.resident, target="이력서 첨부 파일"
    ).exists()
    assert client_for(staff).delete(f"/api/v1/resumes/{resume.pk}/file/").status_code == 403
    other = factories.ResidentFactory(with_user=True)
    assert client_for(other.user).get(f"/api/v1/resumes/{resume.pk}/file/").status_code == 404
    assert (
        client_for(other.user)
        .put(f"/api/v1/resumes/{resume.pk}/file/", {"file": upload(PDF_BYTES, "x.pdf")}, format="multipart")
        .status_code
        == 404
    )
    resume.refresh_from_db()
    assert resume.file_name == "cv.pdf"
