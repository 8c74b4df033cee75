"""Youth internships and training link to the job that follows (the dashboard's conversion);
training after hiring (in-firm IT, customer service) is recorded and counted."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casework import selectors, services
from casework.models import HireTraining
from employers.models import PartnerSchool
from programs.models import Program, ProgramApplication
from tests import factories

pytestmark = pytest.mark.django_db
Status = ProgramApplication.Status


def internship(resident, status=Status.COMPLETED, year=2012):
    program = factories.ProgramFactory(
        kind=Program.Kind.YOUTH_INTERNSHIP, year=year, starts_on=datetime.date(year, 3, 1)
    )
    return factories.ProgramApplicationFactory(resident=resident, program=program, status=status)


def test_a_finished_internship_links_to_the_job_that_follows_and_counts_as_converted(staff_user):
    hired, not_hired = factories.ResidentFactory(), factories.ResidentFactory()
    first = internship(hired)
    internship(not_hired)
    internship(factories.ResidentFactory(), status=Status.DROPPED)
    job = factories.PlacementFactory(resident=hired, started_on=datetime.date(2012, 12, 1))
    services.link_following_job(program_application=first, placement=job, by=staff_user)
    assert selectors.conversion_figures(2012, "youth_internship") == {"finished": 2, "hired": 1, "rate": 50.0}


def test_only_the_same_persons_later_job_can_follow_an_internship(staff_user):
    resident = factories.ResidentFactory()
    application = internship(resident)
    with pytest.raises(ValidationError):
        services.link_following_job(
            program_application=application, placement=factories.PlacementFactory(), by=staff_user
        )
    with pytest.raises(ValidationError):
        services.link_following_job(
            program_application=application,
            placement=factories.PlacementFactory(resident=resident, started_on=datetime.date(2011, 1, 1)),
            by=staff_user,
        )
    public_works = factories.ProgramApplicationFactory(resident=resident, status=Status.COMPLETED)
    with pytest.raises(ValidationError):
        services.link_following_job(
            program_application=public_works,
            placement=factories.PlacementFactory(resident=resident),
            by=staff_user,
        )


def test_training_completion_links_to_the_hire_and_hire_training_is_counted(staff_user):
    resident = factories.ResidentFactory()
    course = factories.ProgramFactory(kind=Program.Kind.JOB_TRAINING, year=2012)
    taken = factories.ProgramApplicationFactory(resident=resident, program=course, status=Status.COMPLETED)
    hire = factories.PlacementFactory(resident=resident, started_on=datetime.date(2012, 6, 1))
    services.link_following_job(program_application=taken, placement=hire, by=staff_user)
    assert selectors.conversion_figures(2012, "job_training")["hired"] == 1
    services.record_hire_training(
        placement=hire,
        kind=HireTraining.Kind.IN_FIRM,
        completed_on=datetime.date(2012, 7, 1),
        hours=40,
        by=staff_user,
    )
    services.record_hire_training(
        placement=factories.PlacementFactory(started_on=datetime.date(2012, 5, 1)),
        kind=HireTraining.Kind.CUSTOMER_SERVICE,
        completed_on=datetime.date(2012, 5, 20),
        by=staff_user,
    )
    with pytest.raises(ValidationError):
        services.record_hire_training(
            placement=hire,
            kind=HireTraining.Kind.CUSTOMER_SERVICE,
            completed_on=datetime.date(2012, 1, 1),
            by=staff_user,
        )
    assert selectors.hire_training_figures(2012) == [
        ("채용 후 기업 자체 교육 (IT 기업)", 1),
        ("친절 서비스 교육 (호텔·매장)", 1),
    ]


def test_the_dashboard_shows_conversion_hire_training_and_digital_valley_figures(client, staff_user):
    student = factories.ResidentFactory()
    PartnerSchool.objects.create(name="구로공업고등학교").students.add(student)
    factories.PlacementFactory(resident=student, started_on=datetime.date(2012, 4, 1))
    factories.PlacementFactory(started_on=datetime.date(2012, 4, 1))
    client.force_login(factories.manager_user())
    page = client.get(reverse("reports:dashboard") + "?year=2012").content.decode()
    assert "인턴·직무교육 후 취업" in page and "채용 후 교육 수료" in page
    assert "<tbody><tr><td>2</td><td>1</td></tr></tbody>" in page
