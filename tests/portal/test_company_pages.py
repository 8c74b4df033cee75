"""Public employer pages (/companies/<id>/): the approved profile, partner badges and open
vacancies; the employer proposes changes, staff approve or reject them with a reason, by mail."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from employers import selectors, services
from employers.models import Employer, EmployerProfileChange, Vacancy
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def employer_user():
    return factories.employer_user(
        employer=factories.EmployerFactory(name="구로정밀", industry="전자부품 제조", headcount=1200)
    )


def test_the_public_page_shows_what_the_employer_is_and_its_open_vacancies(client, employer_user):
    employer = employer_user.employer
    factories.VacancyFactory(employer=employer, title="생산관리 담당")
    factories.VacancyFactory(employer=employer, title="마감한 공고", status=Vacancy.Status.CLOSED)

    page = client.get(f"/companies/{employer.pk}/").content.decode()

    assert "구로정밀" in page and "전자부품 제조" in page and "상시 근로자 1,200명" in page
    assert "구로3동" in page
    assert "생산관리 담당" in page and "마감한 공고" not in page
    assert "구로디지털단지 입주기업" in page


def test_partner_badges_name_a_current_agreement_digital_valley_and_social_enterprise():
    dcube = factories.AgreementFactory(title="디큐브시티 지역 주민 채용 협약").employer
    factories.AgreementFactory(
        employer=dcube,
        title="끝난 협약",
        starts_on=datetime.date(2010, 1, 1),
        signed_on=datetime.date(2010, 1, 1),
        ends_on=datetime.date(2010, 12, 31),
    )
    social = factories.EmployerFactory(kind=Employer.Kind.SOCIAL_ENTERPRISE, in_digital_valley=False)

    assert selectors.partner_badges(dcube) == [
        "구로구 업무제휴: 디큐브시티 지역 주민 채용 협약",
        "거점 협약기업",
    ]
    assert selectors.partner_badges(social) == ["사회적기업"]


def test_an_employer_without_an_approved_profile_or_an_open_vacancy_has_no_public_page(client):
    employer = factories.EmployerFactory()
    factories.VacancyFactory(employer=employer, status=Vacancy.Status.DRAFT, posted_on=None)
    assert client.get(f"/companies/{employer.pk}/").status_code == 404


def test_the_vacancy_page_links_to_the_employers_page(client):
    vacancy = factories.VacancyFactory()
    page = client.get(f"/vacancies/{vacancy.pk}/").content.decode()
    assert f'href="/companies/{vacancy.employer_id}/"' in page


def test_an_employers_edit_waits_for_staff_and_the_public_page_keeps_the_approved_version(
    client, employer_user
):
    employer = employer_user.employer
    factories.VacancyFactory(employer=employer)
    client.force_login(employer_user)

    response = client.post(
        "/employer/profile/",
        {
            "description": "반도체 검사 장비를 만듭니다.",
            "industry": "반도체 장비",
            "headcount": "1300",
            "address": "",
            "dong": "",
            "website": "",
        },
    )

    assert response.status_code == 302
    change = EmployerProfileChange.objects.get(employer=employer)
    assert change.status == "pending" and change.submitted_by == employer_user
    public = client.get(f"/companies/{employer.pk}/").content.decode()
    assert "반도체 검사 장비" not in public and "전자부품 제조" in public
    assert "승인을 기다리고" in client.get("/employer/profile/").content.decode()


def test_a_second_proposal_replaces_the_pending_one(employer_user):
    employer = employer_user.employer
    services.propose_profile_change(employer=employer, by=employer_user, description="첫 요청")
    services.propose_profile_change(employer=employer, by=employer_user, description="둘째 요청")
    (change,) = EmployerProfileChange.objects.filter(employer=employer)
    assert change.description == "둘째 요청"


def test_staff_approve_in_the_admin_and_the_employer_is_told_by_mail(
    client, staff_user, employer_user, django_capture_on_commit_callbacks
):
    employer = employer_user.employer
    change = services.propose_profile_change(
        employer=employer, by=employer_user, description="반도체 검사 장비를 만듭니다.", headcount=1300
    )
    client.force_login(staff_user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/employers/employerprofilechange/",
            {"action": "approve_selected", "_selected_action": [change.pk]},
        )

    change.refresh_from_db()
    employer.refresh_from_db()
    assert change.status == "approved" and change.decided_by == staff_user
    assert employer.description == "반도체 검사 장비를 만듭니다." and employer.headcount == 1300
    assert employer.profile_approved_at is not None
    assert "반도체 검사 장비를 만듭니다." in client.get(f"/companies/{employer.pk}/").content.decode()
    assert [message.to for message in mail.outbox] == [[employer_user.email]]
    assert "승인" in mail.outbox[0].subject


def test_staff_reject_with_a_reason_the_employer_reads_it_and_nothing_goes_public(
    client, staff_user, employer_user, django_capture_on_commit_callbacks
):
    employer = employer_user.employer
    change = services.propose_profile_change(
        employer=employer, by=employer_user, description="최고의 회사!!!"
    )
    with pytest.raises(ValidationError, match="반려 사유"):
        services.reject_profile_change(change=change, by=staff_user, reason=" ")
    EmployerProfileChange.objects.filter(pk=change.pk).update(
        reason="홍보 문구가 아닌 하는 일을 적어 주세요."
    )
    client.force_login(staff_user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/employers/employerprofilechange/",
            {"action": "reject_selected", "_selected_action": [change.pk]},
        )

    change.refresh_from_db()
    employer.refresh_from_db()
    assert change.status == "rejected"
    assert employer.description == "" and employer.profile_approved_at is None
    assert "홍보 문구가 아닌 하는 일을 적어 주세요." in mail.outbox[0].body
    client.force_login(employer_user)
    assert "홍보 문구가 아닌 하는 일을 적어 주세요." in client.get("/employer/profile/").content.decode()


def test_a_decided_proposal_cannot_be_decided_again(staff_user, employer_user):
    change = services.propose_profile_change(
        employer=employer_user.employer, by=employer_user, description="소개"
    )
    services.approve_profile_change(change=change, by=staff_user)
    with pytest.raises(ValidationError, match="이미"):
        services.reject_profile_change(change=change, by=staff_user, reason="늦은 반려")


def test_only_employer_users_propose_profiles(client, resident_user):
    assert client.get("/employer/profile/").status_code == 302
    client.force_login(resident_user)
    assert client.get("/employer/profile/").status_code == 403


def test_the_public_page_takes_the_same_queries_for_one_or_ten_vacancies(
    client, employer_user, django_assert_max_num_queries
):
    employer = employer_user.employer
    factories.VacancyFactory(employer=employer)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(f"/companies/{employer.pk}/")
    for _ in range(9):
        factories.VacancyFactory(employer=employer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(f"/companies/{employer.pk}/").status_code == 200
