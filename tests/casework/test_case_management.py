"""Case management: assignment, notes from templates, the chronological history, follow-up tasks,
the staff home (오늘 할 일), caseloads, and an access-log entry for every read of a case."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import PersonalDataAccess
from casework import selectors, services
from casework.models import NOTE_TEMPLATE_TEXT, CaseNote, NoteTemplate, Team
from placements.services import create_retention_checks, move_job_application
from programs.services import apply_to_program
from residents.services import verify_priority_claim
from tests import factories

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def team(staff_user):
    team = Team.objects.create(name="취업지원팀")
    team.members.add(staff_user)
    return team


def test_a_case_is_assigned_to_a_counsellor_and_a_team_and_reassigned(staff_user, team):
    resident = factories.ResidentFactory()
    other = factories.staff_user("other@guro.go.kr")
    services.assign_case(resident=resident, counsellor=staff_user, team=team, by=staff_user)
    assignment = services.assign_case(resident=resident, counsellor=other, team=team, by=staff_user)
    assert assignment.counsellor == other and assignment.team == team
    assert resident.__class__.objects.get(pk=resident.pk).case_assignment.counsellor == other


def test_only_staff_can_be_counsellors_and_only_staff_assign(staff_user, team):
    resident = factories.ResidentFactory()
    employer = factories.employer_user()
    with pytest.raises(ValidationError) as error:
        services.assign_case(resident=resident, counsellor=employer, by=staff_user)
    assert "일자리지원과 직원" in str(error.value)
    with pytest.raises(PermissionDenied):
        services.assign_case(resident=resident, team=team, by=employer)
    with pytest.raises(ValidationError):
        services.assign_case(resident=resident, by=staff_user)


def test_a_note_needs_more_than_the_templates_headings(staff_user):
    resident = factories.ResidentFactory()
    headings = str(NOTE_TEMPLATE_TEXT[NoteTemplate.INITIAL_INTERVIEW])
    with pytest.raises(ValidationError) as error:
        services.add_case_note(
            resident=resident, template=NoteTemplate.INITIAL_INTERVIEW, body=headings, by=staff_user
        )
    assert "상담 내용" in str(error.value)
    with pytest.raises(ValidationError):
        services.add_case_note(resident=resident, template="unknown", body="내용", by=staff_user)
    note = services.add_case_note(
        resident=resident,
        template=NoteTemplate.INITIAL_INTERVIEW,
        body=headings + "\n기초수급 서류 지참 예정",
        by=staff_user,
    )
    assert note.author == staff_user and CaseNote.objects.count() == 1


def test_each_template_has_korean_headings_and_free_text_has_none():
    assert "구직 희망" in str(NOTE_TEMPLATE_TEXT[NoteTemplate.INITIAL_INTERVIEW])
    assert "부족한 기술" in str(NOTE_TEMPLATE_TEXT[NoteTemplate.VOCATIONAL_COUNSELLING])
    assert "고용 유지" in str(NOTE_TEMPLATE_TEXT[NoteTemplate.FOLLOW_UP])
    assert NOTE_TEMPLATE_TEXT[NoteTemplate.FREE_TEXT] == ""
    assert [label for _value, label in NoteTemplate.choices] == [
        "초기상담",
        "직업상담",
        "사후관리",
        "자유 기록",
    ]


def test_the_case_history_joins_every_kind_of_event_in_time_order(staff_user, team):
    resident = factories.ResidentFactory(with_user=True)
    services.add_case_note(resident=resident, template=NoteTemplate.FREE_TEXT, body="첫 상담", by=staff_user)
    program = factories.ProgramFactory()
    apply_to_program(resident=resident, program=program, by=resident.user)
    application = factories.JobApplicationFactory(resident=resident)
    move_job_application(application=application, status="hired", by=staff_user, started_on=TODAY)
    placement = resident.placements.get()
    check = placement.retention_checks.first()
    check.checked_on, check.still_employed, check.checked_by = TODAY, True, staff_user
    check.save()
    claim = factories.claim_priority_group(resident, "single_parent", verified=False)
    verify_priority_claim(claim=claim, document_type="single_parent_certificate", by=staff_user)
    referral = services.refer_resident(
        resident=resident, to_team=team, reason="직업훈련 연계", by=factories.staff_user("b@guro.go.kr")
    )
    services.accept_referral(referral=referral, by=staff_user)

    history = selectors.case_history(resident)
    kinds = {entry.kind for entry in history}
    assert kinds == {"note", "program", "job", "placement", "retention", "verification", "referral"}
    times = [entry.occurred_at for entry in history]
    assert times == sorted(times)
    note = next(entry for entry in history if entry.kind == "note")
    assert note.title == "자유 기록" and note.detail == "첫 상담" and note.actor == str(staff_user)
    assert any("수락" in entry.title for entry in history if entry.kind == "referral")


def test_staff_home_lists_my_overdue_and_due_tasks_checks_and_claims_to_renew(staff_user):
    mine = factories.ResidentFactory()
    services.assign_case(resident=mine, counsellor=staff_user, by=staff_user)
    other_staff = factories.staff_user("other@guro.go.kr")
    overdue = services.add_follow_up_task(
        resident=mine, title="서류 재요청", due_on=TODAY - datetime.timedelta(days=2), by=staff_user
    )
    due = services.add_follow_up_task(resident=mine, title="면접 결과 확인", due_on=TODAY, by=staff_user)
    services.add_follow_up_task(
        resident=mine, title="다음 주", due_on=TODAY + datetime.timedelta(days=7), by=staff_user
    )
    services.add_follow_up_task(
        resident=mine, title="남의 일", due_on=TODAY, by=staff_user, assignee=other_staff
    )
    done = services.add_follow_up_task(resident=mine, title="끝난 일", due_on=TODAY, by=staff_user)
    services.complete_follow_up_task(task=done, by=staff_user)
    placement = factories.PlacementFactory(resident=mine, started_on=TODAY - datetime.timedelta(days=40))
    create_retention_checks(placement=placement)
    factories.claim_priority_group(mine, "basic_livelihood", valid_until=TODAY - datetime.timedelta(days=1))
    not_mine = factories.ResidentFactory()
    factories.claim_priority_group(
        not_mine, "basic_livelihood", valid_until=TODAY - datetime.timedelta(days=1)
    )

    home = selectors.staff_home(staff_user)
    assert home.overdue_tasks == [overdue]
    assert home.due_today_tasks == [due]
    assert [check.months_after_start for check in home.retention_checks] == [1]
    assert [claim.resident for claim in home.claims_to_renew] == [mine]


def test_caseload_counts_cases_and_open_tasks_per_counsellor_and_team(staff_user, team):
    other = factories.staff_user("other@guro.go.kr")
    for _index in range(2):
        services.assign_case(
            resident=factories.ResidentFactory(), counsellor=staff_user, team=team, by=staff_user
        )
    resident = factories.ResidentFactory()
    services.assign_case(resident=resident, counsellor=other, by=staff_user)
    services.add_follow_up_task(
        resident=resident,
        title="전화",
        due_on=TODAY - datetime.timedelta(days=1),
        by=staff_user,
        assignee=other,
    )
    rows = {
        user.username: (user.cases, user.open_tasks, user.overdue_tasks)
        for user in selectors.caseload_by_counsellor()
    }
    assert rows["staff@guro.go.kr"] == (2, 0, 0)
    assert rows["other@guro.go.kr"] == (1, 1, 1)
    teams = {row.name: row.case_count for row in selectors.caseload_by_team()}
    assert teams == {"취업지원팀": 2}
    assert selectors.caseload_of(team=team).count() == 2


def test_opening_a_case_page_is_access_logged(client, staff_user):
    resident = factories.ResidentFactory()
    client.force_login(staff_user)
    response = client.get(reverse("casework:case", args=[resident.pk]))
    assert response.status_code == 200
    entry = PersonalDataAccess.objects.get(resident=resident)
    assert entry.action == "view" and entry.target == "사례 상세" and entry.account == staff_user


def test_the_note_form_starts_from_the_chosen_template(client, staff_user):
    resident = factories.ResidentFactory()
    client.force_login(staff_user)
    page = client.get(reverse("casework:case", args=[resident.pk]) + "?template=follow_up").content.decode()
    assert "■ 근무 상황" in page


def test_staff_record_a_note_and_a_bad_note_shows_a_korean_error(client, staff_user):
    resident = factories.ResidentFactory()
    client.force_login(staff_user)
    url = reverse("casework:add_note", args=[resident.pk])
    bad = client.post(url, {"note-template": "follow_up", "note-body": str(NOTE_TEMPLATE_TEXT["follow_up"])})
    assert bad.status_code == 400 and "상담 내용을 적어 주세요." in bad.content.decode()
    assert not CaseNote.objects.exists()
    good = client.post(url, {"note-template": "follow_up", "note-body": "3개월째 근무 중"})
    assert good.status_code == 302
    assert CaseNote.objects.get().body == "3개월째 근무 중"


@pytest.mark.parametrize("who", ["resident", "employer", "manager"])
def test_casework_pages_are_for_staff_only(client, who):
    users = {
        "resident": lambda: factories.ResidentFactory(with_user=True).user,
        "employer": factories.employer_user,
        "manager": factories.manager_user,
    }
    resident = factories.ResidentFactory()
    client.force_login(users[who]())
    for url in [
        reverse("casework:home"),
        reverse("casework:case", args=[resident.pk]),
        reverse("casework:referrals"),
        reverse("casework:caseload"),
    ]:
        assert client.get(url).status_code == 403
    assert client.post(reverse("casework:add_note", args=[resident.pk]), {}).status_code == 403


def test_the_staff_home_and_caseload_pages_show_the_lists(client, staff_user, team):
    resident = factories.ResidentFactory(name="박사례")
    services.assign_case(resident=resident, counsellor=staff_user, team=team, by=staff_user)
    services.add_follow_up_task(resident=resident, title="이력서 첨삭", due_on=TODAY, by=staff_user)
    client.force_login(staff_user)
    home = client.get(reverse("casework:home")).content.decode()
    assert "이력서 첨삭" in home and "박사례" in home
    caseload = client.get(reverse("casework:caseload") + f"?team={team.pk}").content.decode()
    assert "취업지원팀" in caseload and "박사례" in caseload
