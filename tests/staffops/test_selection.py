"""Program selection: capacity, order by score, the tie-break rule, waitlist promotion, the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from programs import services
from programs.models import ProgramApplication, ProgramPriorityWeight
from programs.selection import score_applicant
from tests import factories

pytestmark = pytest.mark.django_db
Status = ProgramApplication.Status


def weighted_program(**kwargs):
    program = factories.ProgramFactory(**kwargs)
    ProgramPriorityWeight.objects.create(
        program=program, priority_group=factories.priority_group("basic_livelihood"), points=30
    )
    ProgramPriorityWeight.objects.create(
        program=program, priority_group=factories.priority_group("single_parent"), points=20
    )
    return program


def applicant(program, *groups, applied_at=None, **resident_kwargs):
    resident = factories.ResidentFactory(**resident_kwargs)
    for code in groups:
        factories.claim_priority_group(resident, code)
    application = services.apply_to_program(resident=resident, program=program)
    if applied_at:
        ProgramApplication.objects.filter(pk=application.pk).update(applied_at=applied_at)
    return application


def statuses(*applications):
    return [ProgramApplication.objects.get(pk=a.pk).status for a in applications]


def test_score_adds_the_programs_points_for_each_group_and_months_of_job_search():
    program = weighted_program()
    resident = factories.ResidentFactory(unemployed_since=timezone.localdate() - datetime.timedelta(days=100))
    factories.claim_priority_group(resident, "basic_livelihood")
    factories.claim_priority_group(resident, "single_parent")
    score = score_applicant(program=program, resident=resident)
    assert score.total == 30 + 20 + 3
    assert "기초생활수급자 +30점" in score.explanation()
    assert "구직 기간 3개월 +3점" in score.explanation()


def test_selection_respects_capacity_and_orders_by_score(staff_user):
    program = weighted_program(capacity=2)
    low = applicant(program)
    high = applicant(program, "basic_livelihood", "single_parent")
    middle = applicant(program, "single_parent")
    outcome = services.select_participants(program=program, by=staff_user)
    assert [a.pk for a in outcome.selected] == [high.pk, middle.pk]
    assert statuses(high, middle, low) == [Status.SELECTED, Status.SELECTED, Status.WAITLISTED]
    low.refresh_from_db()
    assert low.waitlist_position == 1
    assert low.priority_score == 0
    high.refresh_from_db()
    assert high.priority_score == 50
    assert "우선순위 점수 50점" in high.decision_reason


def test_ties_go_to_the_earlier_application_then_the_lower_id(staff_user):
    program = weighted_program(capacity=1)
    now = timezone.now()
    later = applicant(program, "single_parent", applied_at=now)
    earlier = applicant(program, "single_parent", applied_at=now - datetime.timedelta(hours=1))
    services.select_participants(program=program, by=staff_user)
    assert statuses(earlier, later) == [Status.SELECTED, Status.WAITLISTED]

    program2 = weighted_program(capacity=1)
    first = applicant(program2, applied_at=now)
    second = applicant(program2, applied_at=now)
    services.select_participants(program=program2, by=staff_user)
    assert statuses(first, second) == [Status.SELECTED, Status.WAITLISTED]


def test_places_already_held_count_against_capacity(staff_user):
    program = weighted_program(capacity=2)
    applicant(program)
    services.select_participants(program=program, by=staff_user)
    late = applicant(program, "basic_livelihood")
    other = applicant(program)
    outcome = services.select_participants(program=program, by=staff_user)
    assert [a.pk for a in outcome.selected] == [late.pk]
    assert statuses(other) == [Status.WAITLISTED]
    assert ProgramApplication.objects.filter(program=program, status=Status.SELECTED).count() == 2


def test_selection_rechecks_eligibility_with_the_one_engine(staff_user):
    program = weighted_program(capacity=5)
    application = applicant(program)
    application.resident.employment_status = "employed"
    application.resident.save()
    outcome = services.select_participants(program=program, by=staff_user)
    assert outcome.ineligible == [application]
    application.refresh_from_db()
    assert application.status == Status.INELIGIBLE
    assert "고용 상태" in application.decision_reason


def test_selection_without_a_capacity_is_refused_in_korean(staff_user):
    program = weighted_program(capacity=None)
    applicant(program)
    with pytest.raises(ValidationError, match="정원 미정"):
        services.select_participants(program=program, by=staff_user)


def test_a_drop_out_is_replaced_from_the_waitlist_in_order(staff_user):
    program = weighted_program(capacity=1)
    selected = applicant(program, "basic_livelihood")
    first_waiting = applicant(program, "single_parent")
    second_waiting = applicant(program)
    services.select_participants(program=program, by=staff_user)
    promoted = services.drop_participant(application=selected, by=staff_user, reason="취업으로 중도 포기")
    assert promoted.pk == first_waiting.pk
    assert statuses(selected, first_waiting, second_waiting) == [
        Status.DROPPED,
        Status.SELECTED,
        Status.WAITLISTED,
    ]
    second_waiting.refresh_from_db()
    assert second_waiting.waitlist_position == 1


def test_dropping_with_an_empty_waitlist_promotes_nobody(staff_user):
    program = weighted_program(capacity=1)
    selected = applicant(program)
    services.select_participants(program=program, by=staff_user)
    assert services.drop_participant(application=selected, by=staff_user, reason="사유") is None


def test_admin_review_page_shows_each_score_and_why(client, staff_user):
    program = weighted_program(capacity=1)
    application = applicant(program, "basic_livelihood")
    client.force_login(staff_user)
    url = reverse("admin:programs_program_selection", args=[program.pk])
    page = client.get(url).content.decode()
    assert application.resident.name in page
    assert "기초생활수급자 +30점" in page
    response = client.post(url)
    assert response.status_code == 302
    assert statuses(application) == [Status.SELECTED]


def test_admin_action_selects_and_drop_action_promotes(client, staff_user):
    program = weighted_program(capacity=1)
    top = applicant(program, "basic_livelihood")
    nxt = applicant(program)
    client.force_login(staff_user)
    client.post(
        reverse("admin:programs_program_changelist"),
        {"action": "select_participants_action", "_selected_action": [program.pk]},
    )
    assert statuses(top, nxt) == [Status.SELECTED, Status.WAITLISTED]
    client.post(
        reverse("admin:programs_programapplication_changelist"),
        {"action": "drop_participant_action", "_selected_action": [top.pk]},
    )
    assert statuses(top, nxt) == [Status.DROPPED, Status.SELECTED]


def test_manager_can_view_the_review_page_but_not_select(client, manager_user):
    program = weighted_program(capacity=1)
    applicant(program)
    client.force_login(manager_user)
    url = reverse("admin:programs_program_selection", args=[program.pk])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 403
