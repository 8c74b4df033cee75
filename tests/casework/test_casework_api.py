"""The casework API contract: case notes and referrals for staff only, access-logged; each
resident's priority_groups as [{code, name, verified, valid_until}]."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from audit.models import PersonalDataAccess
from casework import services
from casework.models import CaseNote, Referral
from tests import factories

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_staff_see_each_claims_verification_and_managers_do_not(staff_user, manager_user):
    resident = factories.ResidentFactory()
    factories.claim_priority_group(resident, "basic_livelihood", verified=False)
    factories.claim_priority_group(resident, "single_parent", valid_until=TODAY + datetime.timedelta(days=30))
    factories.claim_priority_group(resident, "disability", valid_until=TODAY - datetime.timedelta(days=1))
    data = api(staff_user).get(f"/api/v1/residents/{resident.pk}/").json()
    claims = sorted(data["priority_groups"], key=lambda claim: claim["code"])
    assert claims == [
        {"code": "basic_livelihood", "name": "기초생활수급자", "verified": False, "valid_until": None},
        {
            "code": "disability",
            "name": "장애인",
            "verified": False,
            "valid_until": (TODAY - datetime.timedelta(days=1)).isoformat(),
        },
        {
            "code": "single_parent",
            "name": "한부모가정",
            "verified": True,
            "valid_until": (TODAY + datetime.timedelta(days=30)).isoformat(),
        },
    ]
    assert PersonalDataAccess.objects.filter(resident=resident, account=staff_user, action="view").exists()
    assert api(manager_user).get(f"/api/v1/residents/{resident.pk}/").json()["priority_groups"] is None


def test_a_resident_sees_their_own_claims_states():
    resident = factories.ResidentFactory(with_user=True)
    factories.claim_priority_group(resident, "single_parent", verified=False)
    data = api(resident.user).get("/api/v1/residents/me/").json()
    assert data["priority_groups"] == [
        {"code": "single_parent", "name": "한부모가정", "verified": False, "valid_until": None}
    ]


def test_reading_case_notes_is_logged_and_a_bad_note_is_refused_in_korean(staff_user):
    resident = factories.ResidentFactory()
    services.add_case_note(resident=resident, template="free_text", body="첫 상담", by=staff_user)
    client = api(staff_user)
    listed = client.get(f"/api/v1/residents/{resident.pk}/case-notes/").json()
    assert [note["body"] for note in listed["results"]] == ["첫 상담"]
    assert (
        PersonalDataAccess.objects.filter(resident=resident, target="API 상담 기록", action="view").count()
        == 1
    )
    bad = client.post(
        f"/api/v1/residents/{resident.pk}/case-notes/", {"template": "free_text", "body": "  "}, format="json"
    )
    assert bad.status_code == 400 and "body" in bad.json()
    made = client.post(
        f"/api/v1/residents/{resident.pk}/case-notes/",
        {"template": "initial_interview", "body": "구직 희망: 사무"},
        format="json",
    )
    assert made.status_code == 201 and made.json()["author"] == staff_user.pk
    assert CaseNote.objects.filter(resident=resident).count() == 2


def test_a_referral_over_the_api_is_answered_by_its_receiver_only(staff_user):
    resident = factories.ResidentFactory()
    receiver = factories.staff_user("receiver@guro.go.kr")
    made = api(staff_user).post(
        "/api/v1/referrals/",
        {"resident": resident.pk, "to_counsellor": receiver.pk, "reason": "직업상담 의뢰"},
        format="json",
    )
    assert made.status_code == 201 and made.json()["status"] == "made"
    referral_id = made.json()["id"]
    assert (
        api(staff_user).post(f"/api/v1/referrals/{referral_id}/accept/", {}, format="json").status_code == 403
    )
    no_reason = api(receiver).post(f"/api/v1/referrals/{referral_id}/return/", {}, format="json")
    assert no_reason.status_code == 400 and "반송 사유" in str(no_reason.json())
    returned = api(receiver).post(
        f"/api/v1/referrals/{referral_id}/return/", {"note": "담당 아님"}, format="json"
    )
    assert returned.status_code == 200 and returned.json()["status"] == "returned"
    again = api(receiver).post(f"/api/v1/referrals/{referral_id}/accept/", {}, format="json")
    assert again.status_code == 400
    assert Referral.objects.get().response_note == "담당 아님"


def test_listing_referrals_and_case_notes_takes_the_same_few_queries_for_many_rows(
    staff_user, django_assert_max_num_queries
):
    resident = factories.ResidentFactory()
    receiver = factories.staff_user("receiver@guro.go.kr")
    for index in range(8):
        services.refer_resident(
            resident=factories.ResidentFactory(),
            to_counsellor=receiver,
            reason=f"의뢰 {index}",
            by=staff_user,
        )
        services.add_case_note(resident=resident, template="free_text", body=f"기록 {index}", by=staff_user)
    client = api(staff_user)
    with django_assert_max_num_queries(8):
        assert len(client.get("/api/v1/referrals/").json()["results"]) == 8
    with django_assert_max_num_queries(8):
        assert len(client.get(f"/api/v1/residents/{resident.pk}/case-notes/").json()["results"]) == 8


def test_the_case_page_takes_the_same_few_queries_however_long_the_history(
    client, staff_user, django_assert_max_num_queries
):
    resident = factories.ResidentFactory()
    for index in range(10):
        services.add_case_note(resident=resident, template="free_text", body=f"기록 {index}", by=staff_user)
        services.add_follow_up_task(resident=resident, title=f"할 일 {index}", due_on=TODAY, by=staff_user)
    client.force_login(staff_user)
    with django_assert_max_num_queries(40):
        assert client.get(f"/casework/residents/{resident.pk}/").status_code == 200
