"""/api/v1/resumes/: a resident's own with their histories; staff read all, each read logged."""

import pytest
from rest_framework.test import APIClient

from audit.models import PersonalDataAccess
from tests import factories
from tests.resumes.conftest import make_resume

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
