"""A referral's life cycle: made with a reason, accepted or returned (with a reason) by its
receiver only, once; and the dashboard's counts of referrals made, accepted and leading to a placement."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import PersonalDataAccess
from casework import selectors, services
from casework.models import Referral, Team
from tests import factories

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def people(db):
    sender = factories.staff_user("sender@guro.go.kr")
    receiver = factories.staff_user("receiver@guro.go.kr")
    outsider = factories.staff_user("outsider@guro.go.kr")
    team = Team.objects.create(name="기업지원팀")
    team.members.add(receiver)
    return sender, receiver, outsider, team


def test_a_referral_to_a_team_is_accepted_by_a_member_and_moves_the_case(people):
    sender, receiver, outsider, team = people
    resident = factories.ResidentFactory()
    services.assign_case(resident=resident, counsellor=sender, by=sender)
    referral = services.refer_resident(
        resident=resident, to_team=team, reason="구인 기업 연계 필요", by=sender
    )
    assert referral.status == Referral.Status.MADE
    assert list(selectors.referrals_waiting_for(receiver)) == [referral]
    assert list(selectors.referrals_waiting_for(outsider)) == []
    with pytest.raises(PermissionDenied):
        services.accept_referral(referral=referral, by=outsider)
    accepted = services.accept_referral(referral=referral, by=receiver, note="이번 주 상담")
    assert accepted.status == Referral.Status.ACCEPTED and accepted.responded_by == receiver
    resident.refresh_from_db()
    assert resident.case_assignment.counsellor == receiver and resident.case_assignment.team == team
    with pytest.raises(ValidationError) as error:
        services.return_referral(referral=referral, by=receiver, reason="늦게 반송")
    assert "이미 '수락' 처리된 의뢰" in str(error.value)


def test_a_returned_referral_keeps_the_reason_and_leaves_the_case_where_it_was(people):
    sender, receiver, _outsider, _team = people
    resident = factories.ResidentFactory()
    services.assign_case(resident=resident, counsellor=sender, by=sender)
    referral = services.refer_resident(
        resident=resident, to_counsellor=receiver, reason="심리 상담 필요", by=sender
    )
    with pytest.raises(ValidationError) as error:
        services.return_referral(referral=referral, by=receiver, reason=" ")
    assert "반송 사유" in str(error.value)
    returned = services.return_referral(referral=referral, by=receiver, reason="담당 업무가 아닙니다")
    assert returned.status == Referral.Status.RETURNED and returned.response_note == "담당 업무가 아닙니다"
    resident.refresh_from_db()
    assert resident.case_assignment.counsellor == sender


def test_a_referral_needs_a_receiver_and_a_reason_and_not_oneself(people):
    sender, receiver, _outsider, _team = people
    resident = factories.ResidentFactory()
    with pytest.raises(ValidationError):
        services.refer_resident(resident=resident, reason="사유", by=sender)
    with pytest.raises(ValidationError) as error:
        services.refer_resident(resident=resident, to_counsellor=receiver, reason="", by=sender)
    assert "의뢰 사유" in str(error.value)
    with pytest.raises(ValidationError):
        services.refer_resident(resident=resident, to_counsellor=sender, reason="사유", by=sender)
    with pytest.raises(ValidationError):
        services.refer_resident(
            resident=resident, to_counsellor=factories.employer_user(), reason="사유", by=sender
        )
    assert not Referral.objects.exists()


def test_the_sender_cannot_answer_their_own_referral_to_a_program(people):
    sender, receiver, _outsider, _team = people
    referral = services.refer_resident(
        resident=factories.ResidentFactory(),
        to_program=factories.ProgramFactory(),
        reason="사업 참여 권유",
        by=sender,
    )
    with pytest.raises(PermissionDenied):
        services.accept_referral(referral=referral, by=sender)
    assert services.accept_referral(referral=referral, by=receiver).status == Referral.Status.ACCEPTED


def test_referral_figures_count_made_accepted_and_leading_to_a_placement(people):
    sender, receiver, _outsider, team = people
    employer = factories.EmployerFactory()
    placed, not_yet, returned = (factories.ResidentFactory() for _ in range(3))
    first = services.refer_resident(resident=placed, to_employer=employer, reason="채용 연계", by=sender)
    services.accept_referral(referral=first, by=receiver)
    factories.PlacementFactory(
        resident=placed, employer=employer, started_on=TODAY + datetime.timedelta(days=3)
    )
    second = services.refer_resident(resident=not_yet, to_team=team, reason="상담", by=sender)
    services.accept_referral(referral=second, by=receiver)
    factories.PlacementFactory(
        resident=not_yet, started_on=TODAY - datetime.timedelta(days=30)
    )  # before: not counted
    third = services.refer_resident(resident=returned, to_team=team, reason="상담", by=sender)
    services.return_referral(referral=third, by=receiver, reason="대상 아님")
    services.refer_resident(resident=returned, to_counsellor=receiver, reason="다시 상담", by=sender)
    assert selectors.referral_figures() == {"made": 4, "accepted": 2, "returned": 1, "placed": 1}
    assert selectors.referral_figures(year=TODAY.year - 1) == {
        "made": 0,
        "accepted": 0,
        "returned": 0,
        "placed": 0,
    }


def test_staff_refer_from_the_case_page_and_the_receiver_accepts_on_the_referrals_page(client, people):
    sender, receiver, _outsider, team = people
    resident = factories.ResidentFactory()
    client.force_login(sender)
    response = client.post(
        reverse("casework:refer", args=[resident.pk]), {"refer-to_team": team.pk, "refer-reason": "취업 연계"}
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    empty = client.post(reverse("casework:refer", args=[resident.pk]), {"refer-reason": "받는 곳 없음"})
    assert empty.status_code == 400 and "받는 팀, 상담사" in empty.content.decode()
    client.force_login(receiver)
    assert "취업 연계" in client.get(reverse("casework:referrals")).content.decode()
    assert PersonalDataAccess.objects.filter(account=receiver, target="내부 의뢰 목록", row_count=1).exists()
    client.post(reverse("casework:accept_referral", args=[referral.pk]))
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ACCEPTED


def test_the_dashboard_shows_the_referral_counts(client, people):
    sender, receiver, _outsider, team = people
    referral = services.refer_resident(
        resident=factories.ResidentFactory(), to_team=team, reason="상담", by=sender
    )
    services.accept_referral(referral=referral, by=receiver)
    client.force_login(factories.manager_user())
    page = client.get(reverse("reports:dashboard") + f"?year={TODAY.year}").content.decode()
    assert "사례 관리 실적" in page
    assert "<tbody><tr><td>1</td><td>1</td><td>0</td><td>0</td></tr></tbody>" in page


def test_a_referral_followed_by_a_cancelled_hire_has_not_led_to_a_placement(people):
    from placements.models import Placement

    sender, receiver, _outsider, _team = people
    employer = factories.EmployerFactory()
    resident = factories.ResidentFactory()
    referral = services.refer_resident(resident=resident, to_employer=employer, reason="채용 연계", by=sender)
    services.accept_referral(referral=referral, by=receiver)
    factories.PlacementFactory(
        resident=resident,
        employer=employer,
        started_on=TODAY + datetime.timedelta(days=3),
        status=Placement.Status.CANCELLED,
        cancelled_at=timezone.now(),
        cancellation_reason="오입력",
    )
    assert selectors.referral_figures()["placed"] == 0
