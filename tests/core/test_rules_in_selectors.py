"""The rules the pages, forms and API share, each stated once in a selector: which statuses an
employer may set, what of an applicant a viewer may see, when a vacancy takes applications, and
what an employer or a resident may do next."""

import datetime

import pytest
from django.utils import timezone

from accounts.permissions import EMPLOYER, MANAGER, RESIDENT, STAFF
from employers import selectors as vacancy_selectors
from employers.models import Vacancy
from placements import selectors as application_selectors
from placements.models import JobApplication
from programs import selectors as program_selectors
from programs.models import ProgramApplication
from residents.selectors import applicant_disclosure, record_hidden_fields
from tests import factories

pytestmark = pytest.mark.django_db

JobStatus = JobApplication.Status
TODAY = timezone.localdate()


def employer_moves(status):
    return application_selectors.next_statuses_for_employer(JobApplication(status=status))


# ---- Which statuses an employer may set ----


def test_an_employer_may_move_a_new_application_to_interview_hired_or_rejected():
    assert employer_moves(JobStatus.APPLIED) == [JobStatus.INTERVIEW, JobStatus.HIRED, JobStatus.REJECTED]
    assert employer_moves(JobStatus.REFERRED) == [JobStatus.INTERVIEW, JobStatus.HIRED, JobStatus.REJECTED]


def test_after_the_interview_an_employer_may_only_hire_or_reject():
    assert employer_moves(JobStatus.INTERVIEW) == [JobStatus.HIRED, JobStatus.REJECTED]


def test_after_a_cancelled_hire_the_employer_decides_again():
    assert employer_moves(JobStatus.HIRE_CANCELLED) == [
        JobStatus.INTERVIEW,
        JobStatus.HIRED,
        JobStatus.REJECTED,
    ]


@pytest.mark.parametrize("status", [JobStatus.HIRED, JobStatus.REJECTED, JobStatus.WITHDRAWN])
def test_a_hired_rejected_or_withdrawn_application_offers_the_employer_no_move(status):
    # A hire is corrected through '채용 취소(정정)' with a reason, not by moving it.
    assert employer_moves(status) == []


@pytest.mark.parametrize("status", [JobStatus.WITHDRAWN, JobStatus.REFERRED, JobStatus.HIRE_CANCELLED])
def test_an_employer_never_sets_withdrawn_referred_or_hire_cancelled(status):
    assert not application_selectors.employer_may_set(status)
    assert status not in dict(application_selectors.employer_status_choices())


def test_an_employer_hires_only_after_confirming_the_start_day_and_the_wage():
    actions = application_selectors.employer_actions(JobApplication(status=JobStatus.APPLIED))
    assert [(action.status, action.needs_confirmation) for action in actions] == [
        ("interview", False),
        ("hired", True),
        ("rejected", False),
    ]


def test_the_employers_form_offers_the_statuses_an_employer_may_set():
    from employers.forms import MoveApplicationForm

    form = MoveApplicationForm(
        {"status": "withdrawn"}, choices=application_selectors.employer_status_choices()
    )
    assert not form.is_valid()
    assert [value for value, _ in form.fields["status"].choices] == ["interview", "hired", "rejected"]


def test_the_api_refuses_an_employer_setting_a_status_that_is_not_its_own(client):
    application = factories.JobApplicationFactory()
    client.force_login(factories.employer_user(employer=application.vacancy.employer))
    response = client.post(
        f"/api/v1/job-applications/{application.pk}/move/",
        {"status": "referred"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "기업은 면접, 채용, 불합격으로만 바꿀 수 있습니다." in response.content.decode()


def test_the_employers_page_shows_the_buttons_of_the_moves_it_may_make(client):
    vacancy = factories.VacancyFactory()
    new = factories.JobApplicationFactory(vacancy=vacancy)
    interviewed = factories.JobApplicationFactory(vacancy=vacancy, status=JobStatus.INTERVIEW)
    rejected = factories.JobApplicationFactory(vacancy=vacancy, status=JobStatus.REJECTED)
    client.force_login(factories.employer_user(employer=vacancy.employer))

    rows = {row.pk: row for row in client.get(f"/employer/vacancies/{vacancy.pk}/").context["applications"]}

    assert [action.status for action in rows[new.pk].actions] == ["interview", "hired", "rejected"]
    assert [action.status for action in rows[interviewed.pk].actions] == ["hired", "rejected"]
    assert rows[rejected.pk].actions == []


# ---- Which applications and hires an employer may see ----


def test_an_employer_sees_applicants_and_hires_only_of_residents_who_consented():
    vacancy = factories.VacancyFactory()
    consented = factories.JobApplicationFactory(vacancy=vacancy)
    withdrawn_consent = factories.JobApplicationFactory(
        vacancy=vacancy, resident=factories.ResidentFactory(provision_consented_at=None)
    )
    anonymised = factories.JobApplicationFactory(
        vacancy=vacancy, resident=factories.ResidentFactory(anonymised_at=timezone.now())
    )
    hire = factories.PlacementFactory(employer=vacancy.employer)
    hidden_hire = factories.PlacementFactory(
        employer=vacancy.employer, resident=factories.ResidentFactory(provision_consented_at=None)
    )

    visible = set(
        application_selectors.applications_visible_to(vacancy.employer).values_list("pk", flat=True)
    )
    assert visible == {consented.pk}
    assert withdrawn_consent.pk not in visible and anonymised.pk not in visible
    hires = set(application_selectors.placements_visible_to(vacancy.employer).values_list("pk", flat=True))
    assert hires == {hire.pk} and hidden_hire.pk not in hires


# ---- What of an applicant a viewer may see ----


@pytest.mark.parametrize(
    ("role", "consented", "contact", "career"),
    [
        (STAFF, False, True, True),
        (RESIDENT, False, True, True),
        (MANAGER, True, False, True),
        (EMPLOYER, True, True, True),
        (EMPLOYER, False, False, False),
    ],
)
def test_contact_details_go_to_staff_the_person_and_an_employer_with_consent(
    role, consented, contact, career
):
    resident = factories.ResidentFactory.build(provision_consented_at=timezone.now() if consented else None)
    disclosure = applicant_disclosure(resident, role=role)
    assert (disclosure.contact, disclosure.career) == (contact, career)


def test_a_manager_never_sees_a_residents_contact_details_birth_date_or_priority_claims():
    assert record_hidden_fields(MANAGER) == ["phone", "email", "birth_date", "priority_groups"]
    assert record_hidden_fields(STAFF) == record_hidden_fields(RESIDENT) == []


# ---- When a vacancy takes applications ----


@pytest.mark.parametrize(
    ("status", "closes_on", "refusal"),
    [
        (Vacancy.Status.OPEN, None, None),
        (Vacancy.Status.OPEN, TODAY, None),
        (Vacancy.Status.OPEN, TODAY - datetime.timedelta(days=1), "마감일이 지난 공고입니다."),
        (Vacancy.Status.DRAFT, None, "모집 중인 공고에만 지원할 수 있습니다."),
        (Vacancy.Status.CLOSED, None, "모집 중인 공고에만 지원할 수 있습니다."),
    ],
)
def test_a_vacancy_takes_applications_while_open_and_until_its_closing_day(status, closes_on, refusal):
    vacancy = factories.VacancyFactory(status=status, closes_on=closes_on, posted_on=None)
    assert vacancy_selectors.vacancy_refusal(vacancy) == refusal
    # The search lists exactly the vacancies that take applications.
    assert vacancy_selectors.open_vacancies().filter(pk=vacancy.pk).exists() is (refusal is None)


def test_the_api_names_the_vacancy_when_it_refuses_an_application_past_the_closing_day(client):
    vacancy = factories.VacancyFactory(closes_on=TODAY - datetime.timedelta(days=1), posted_on=None)
    resident = factories.ResidentFactory(with_user=True)
    client.force_login(resident.user)
    response = client.post(
        "/api/v1/job-applications/", {"vacancy": vacancy.pk}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["vacancy"] == ["마감일이 지난 공고입니다."]


# ---- What an employer may do with its vacancy ----


@pytest.mark.parametrize(
    ("status", "actions"),
    [
        (Vacancy.Status.DRAFT, ["employer:vacancy_edit", "employer:vacancy_submit"]),
        (Vacancy.Status.PENDING_REVIEW, []),
        (Vacancy.Status.OPEN, ["vacancies:detail", "employer:vacancy_close", "employer:vacancy_filled"]),
        (Vacancy.Status.CLOSED, []),
        (Vacancy.Status.FILLED, []),
    ],
)
def test_an_employer_edits_and_submits_a_draft_and_closes_an_open_vacancy(status, actions):
    vacancy = Vacancy(status=status)
    assert [action.url_name for action in vacancy_selectors.employer_vacancy_actions(vacancy)] == actions


# ---- What a resident may do on a program's page ----

ProgramStatus = ProgramApplication.Status


@pytest.mark.parametrize(
    ("status", "may_withdraw"),
    [
        (ProgramStatus.APPLIED, True),
        (ProgramStatus.ELIGIBLE, True),
        (ProgramStatus.WAITLISTED, True),
        (ProgramStatus.INELIGIBLE, False),
        (ProgramStatus.SELECTED, False),
        (ProgramStatus.ACTIVE, False),
        (ProgramStatus.COMPLETED, False),
        (ProgramStatus.DROPPED, False),
    ],
)
def test_a_resident_withdraws_a_program_application_only_before_a_selection_decision(status, may_withdraw):
    actions = program_selectors.resident_program_actions(ProgramApplication(status=status), accepting=True)
    assert (actions == [program_selectors.WITHDRAW]) is may_withdraw
    assert program_selectors.APPLY not in actions


@pytest.mark.parametrize("application", [None, ProgramApplication(status=ProgramStatus.WITHDRAWN)])
def test_a_resident_applies_only_while_the_program_takes_applications(application):
    assert program_selectors.resident_program_actions(application, accepting=True) == [
        program_selectors.APPLY
    ]
    assert program_selectors.resident_program_actions(application, accepting=False) == []


@pytest.mark.parametrize(
    ("status", "may_withdraw"),
    [
        (JobStatus.APPLIED, True),
        (JobStatus.REFERRED, True),
        (JobStatus.INTERVIEW, True),
        (JobStatus.HIRE_CANCELLED, True),
        (JobStatus.HIRED, False),
        (JobStatus.REJECTED, False),
        (JobStatus.WITHDRAWN, False),
    ],
)
def test_a_resident_withdraws_a_job_application_until_it_is_hired_or_answered(status, may_withdraw):
    assert JobApplication(status=status).can_withdraw is may_withdraw
