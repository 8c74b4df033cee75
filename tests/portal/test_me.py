"""/me/: applications with timelines, profile, data download, deletion request, mail settings."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from notifications.kinds import MailKind
from placements import services as placement_services
from residents.models import ResidentPriorityGroup
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(db):
    return factories.ResidentFactory(with_user=True, name="최오류")


def test_my_page_shows_job_applications_with_their_timeline(client, resident, staff_user):
    vacancy = factories.VacancyFactory(title="경비원 모집")
    application = placement_services.apply_to_vacancy(resident=resident, vacancy=vacancy)
    placement_services.move_job_application(application=application, status="interview", by=staff_user)
    client.force_login(resident.user)
    page = client.get("/me/").content.decode()
    assert "경비원 모집" in page
    assert page.index("— 지원") < page.index("— 면접")


def test_profile_edit_saves_and_new_priority_groups_wait_for_staff(client, resident):
    client.force_login(resident.user)
    data = {
        "name": "최오류",
        "birth_date": "1980-05-17",
        "gender": "female",
        "phone": resident.phone,
        "email": resident.email,
        "dong": resident.dong_id,
        "outside_region": "",
        "education_level": "university",
        "employment_status": "unemployed",
        "desired_employment_types": ["full_time", "part_time"],
        "priority_groups": [factories.priority_group("single_parent").pk],
        "desired_monthly_wage": "2000000",
    }
    page = client.get("/me/profile/").content.decode()
    assert "직원이 증빙 서류로 확인한 뒤" in page
    assert client.post("/me/profile/", data).status_code == 302
    resident.refresh_from_db()
    assert resident.education_level == "university"
    assert resident.desired_employment_types == ["full_time", "part_time"]
    link = ResidentPriorityGroup.objects.get(resident=resident)
    assert link.priority_group.code == "single_parent" and link.verified_at is None


def test_profile_errors_are_korean_per_field_keep_input_and_save_nothing(client, resident):
    client.force_login(resident.user)
    response = client.post(
        "/me/profile/",
        {"name": "", "birth_date": "1980-05-17", "gender": "female", "phone": "999", "education_level": "x"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "필수 항목입니다." in page
    assert "전화번호 형식이 올바르지 않습니다" in page
    assert 'value="999"' in page
    resident.refresh_from_db()
    assert resident.name == "최오류"


def test_data_download_as_json_holds_my_records(client, resident):
    factories.JobApplicationFactory(resident=resident, vacancy=factories.VacancyFactory(title="조리사"))
    client.force_login(resident.user)
    response = client.get("/me/data.json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["profile"]["이름"] == "최오류"
    assert data["job_applications"][0]["채용 공고"] == "조리사"
    assert "주민등록번호" not in response.content.decode()


def test_data_download_as_csv_opens_in_a_spreadsheet(client, resident):
    client.force_login(resident.user)
    response = client.get("/me/data.csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["구분", "항목", "값"]
    assert ["기본 정보", "이름", "최오류"] in rows


def test_deletion_request_is_recorded_for_staff(client, resident, staff_user):
    client.force_login(resident.user)
    response = client.post("/me/delete/", {})
    assert "탈퇴를 요청하려면 확인란에 체크해 주세요." in response.content.decode()
    client.post("/me/delete/", {"confirm": "on"})
    resident.refresh_from_db()
    assert resident.deletion_requested_at is not None
    client.force_login(staff_user)
    changelist = client.get("/admin/residents/resident/?deletion_requested_at__isempty=0").content.decode()
    assert "최오류" in changelist


def test_mail_preferences_turn_kinds_of_mail_off(client, resident):
    client.force_login(resident.user)
    wanted = [kind for kind in MailKind.values if kind != MailKind.JOB_ALERT]
    client.post("/me/mail/", {"wanted": wanted})
    resident.user.refresh_from_db()
    assert resident.user.mail_opt_outs == [MailKind.JOB_ALERT.value]


def test_my_page_queries_do_not_grow_with_the_number_of_applications(client, resident):
    """Every panel of /me/ (applications, placements, resumes, interviews, messages, saved and
    recommended vacancies, completeness) reads in a fixed number of queries, however many rows."""
    client.force_login(resident.user)

    def queries_for_my_page():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/me/").status_code == 200
        return len(captured)

    factories.JobApplicationFactory(resident=resident)
    factories.ProgramApplicationFactory(resident=resident)
    queries_for_my_page()  # warm the per-worker caches (labels, options) the first view fills
    with_one = queries_for_my_page()
    for _ in range(7):
        factories.JobApplicationFactory(resident=resident)
        factories.ProgramApplicationFactory(resident=resident)
    assert queries_for_my_page() == with_one


def test_withdrawing_provision_consent_is_recorded_and_hides_me_from_employers(client, resident):
    employer_user = factories.employer_user()
    vacancy = factories.VacancyFactory(employer=employer_user.employer)
    factories.JobApplicationFactory(resident=resident, vacancy=vacancy)
    client.force_login(resident.user)
    client.post("/me/consent/provision/withdraw/")
    resident.refresh_from_db()
    assert resident.provision_consented_at is None
    assert resident.consents.filter(kind="provision", granted=False).exists()
    client.force_login(employer_user)
    assert "최오류" not in client.get(f"/employer/vacancies/{vacancy.pk}/").content.decode()
