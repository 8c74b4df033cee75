"""The demo always has programs a new resident can apply to, whatever day `make demo` runs."""

import datetime

import pytest

from guro_jobs.demo import DemoCounts, seed_demo
from programs.eligibility import check_eligibility
from programs.models import Program, ProgramApplication
from programs.services import apply_to_program, is_accepting_applications
from tests import factories

pytestmark = pytest.mark.django_db

SMALL = DemoCounts(
    residents=60, employers=6, vacancies=12, applications=40, program_applications=60, placements=40
)


def fresh_eligible_resident():
    """A Guro resident aged 30-something, unemployed, high-school educated, no priority groups."""
    return factories.ResidentFactory(
        birth_date=datetime.date(1990, 4, 2), employment_status="unemployed", education_level="high_school"
    )


@pytest.mark.parametrize(
    "today",
    [
        datetime.date(2026, 1, 1),
        datetime.date(2026, 6, 15),
        datetime.date(2026, 11, 29),
        datetime.date(2026, 12, 31),
        datetime.date(2031, 3, 1),
    ],
)
def test_demo_has_open_closed_and_upcoming_programs_this_year_on_any_day(today):
    seed_demo(counts=SMALL, seed=2010, today=today)
    this_year = list(Program.objects.filter(year=today.year))
    resident = fresh_eligible_resident()
    open_to_resident = [
        program
        for program in this_year
        if is_accepting_applications(program, today)
        and check_eligibility(program=program, resident=resident).eligible
    ]
    assert open_to_resident, f"no program open to a new resident on {today}"
    assert any(p.applications_close_on < today for p in this_year), "no closed program this year"
    assert any(p.applications_open_on > today for p in this_year), "no upcoming program this year"
    for program in this_year:
        program.full_clean()
        upcoming = program.applications_open_on > today
        if upcoming:  # nobody can have applied to a round that has not opened yet
            assert not ProgramApplication.objects.filter(program=program).exists()


def test_a_new_resident_applies_to_a_demo_program_today():
    from django.utils import timezone

    today = timezone.localdate()
    seed_demo(counts=SMALL, seed=2010, today=today)
    resident = fresh_eligible_resident()
    program = next(p for p in Program.objects.filter(year=today.year) if is_accepting_applications(p))
    application = apply_to_program(resident=resident, program=program)
    assert application.status == ProgramApplication.Status.ELIGIBLE
