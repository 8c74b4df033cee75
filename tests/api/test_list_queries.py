"""N+1 guard: every list endpoint runs the same number of queries for 5 items as for 50."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from placements.services import create_retention_checks
from references.models import PriorityGroup, Skill
from reports.models import LabourStat, Target
from resumes.models import CareerEntry, LanguageEntry, Resume
from tests import factories
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


def add_programs(world, start, count):
    groups = list(PriorityGroup.objects.all()[:2])
    for _ in range(count):
        factories.ProgramFactory().required_priority_groups.set(groups)


def add_vacancies(world, start, count):
    skills = list(Skill.objects.all()[:2])
    for _ in range(count):
        factories.VacancyFactory(employer=world.employer).required_skills.set(skills)


def add_employers(world, start, count):
    factories.EmployerFactory.create_batch(count)


def add_residents(world, start, count):
    skills = list(Skill.objects.all()[:2])
    for _ in range(count):
        factories.ResidentFactory().skills.set(skills)


def add_program_applications(world, start, count):
    factories.ProgramApplicationFactory.create_batch(count, resident=world.resident)


def add_job_applications(world, start, count):
    for _ in range(count):
        factories.JobApplicationFactory(
            resident=world.resident, vacancy=factories.VacancyFactory(employer=world.employer)
        )


def add_placements(world, start, count):
    for _ in range(count):
        create_retention_checks(
            placement=factories.PlacementFactory(resident=world.resident, employer=world.employer)
        )


def add_targets(world, start, count):
    for _ in range(count):
        Target.objects.create(
            scope="agreement", agreement=factories.AgreementFactory(), sector="private", count=5
        )


def add_labour_stats(world, start, count):
    for index in range(start, start + count):
        LabourStat.objects.create(
            year=2040 + index // 12,
            month=index % 12 + 1,
            population=400_000,
            economically_active=200_000,
            employed=190_000,
            unemployed=10_000,
            source="시험",
        )


def add_plans(world, start, count):
    for index in range(start, start + count):
        factories.plan_with_years(first_year=2040 + index * 2, last_year=2041 + index * 2)


def add_resumes(world, start, count):
    for index in range(start, start + count):
        resume = Resume.objects.create(resident=world.resident, title=f"이력서 {index}")
        CareerEntry.objects.create(
            resume=resume, employer_name="구로전자", started_on=datetime.date(2020, 1, 1), is_current=True
        )
        LanguageEntry.objects.create(resume=resume, language="영어")


LISTS = [
    ("/api/v1/programs/", add_programs, "anonymous"),
    ("/api/v1/programs/", add_programs, "staff"),
    ("/api/v1/vacancies/", add_vacancies, "anonymous"),
    ("/api/v1/vacancies/", add_vacancies, "employer"),
    ("/api/v1/vacancies/", add_vacancies, "staff"),
    ("/api/v1/employers/", add_employers, "staff"),
    ("/api/v1/residents/", add_residents, "staff"),
    ("/api/v1/residents/", add_residents, "manager"),
    ("/api/v1/program-applications/", add_program_applications, "resident"),
    ("/api/v1/program-applications/", add_program_applications, "staff"),
    ("/api/v1/job-applications/", add_job_applications, "resident"),
    ("/api/v1/job-applications/", add_job_applications, "employer"),
    ("/api/v1/job-applications/", add_job_applications, "staff"),
    ("/api/v1/placements/", add_placements, "employer"),
    ("/api/v1/placements/", add_placements, "staff"),
    ("/api/v1/retention-checks/", add_placements, "manager"),
    ("/api/v1/targets/", add_targets, "anonymous"),
    ("/api/v1/labour-stats/", add_labour_stats, "anonymous"),
    ("/api/v1/plans/", add_plans, "anonymous"),
    ("/api/v1/resumes/", add_resumes, "resident"),
    ("/api/v1/resumes/", add_resumes, "staff"),
]


def count_queries(user, url):
    # A fresh user object each time, as each real request has (its role is looked up once per request).
    client = client_for(type(user).objects.get(pk=user.pk) if user else None)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"page_size": 100})
    assert response.status_code == 200, response.content[:300]
    return len(queries), response.data["count"]


@pytest.mark.parametrize(("url", "add", "role"), LISTS, ids=[f"{url} as {role}" for url, _, role in LISTS])
def test_a_list_costs_the_same_queries_for_5_and_for_50_items(world, url, add, role):
    user = world.users[role]
    add(world, 0, 5)
    few_queries, few = count_queries(user, url)
    add(world, 5, 45)
    many_queries, many = count_queries(user, url)
    assert many >= few + 45  # the new rows really are listed
    assert many_queries == few_queries
