"""Matching: residents for a vacancy and vacancies for a resident, explainable; referral in one click."""

import pytest
from django.urls import reverse

from placements.matching import recommend_residents, recommend_vacancies, score_match, training_suggestions
from placements.models import JobApplication
from programs.models import Program
from references.models import Skill
from tests import factories

pytestmark = pytest.mark.django_db


def skill(name):
    return Skill.objects.get(name=name)


@pytest.fixture
def it_vacancy():
    vacancy = factories.VacancyFactory(required_education="high_school", wage_amount=2_800_000)
    vacancy.required_skills.add(skill("Java"), skill("데이터베이스"))
    return vacancy


def resident_with(skills=(), occupations=(), **kwargs):
    resident = factories.ResidentFactory(**kwargs)
    resident.skills.add(*[skill(name) for name in skills])
    resident.desired_occupations.add(*occupations)
    return resident


def test_the_score_explains_each_part(it_vacancy):
    resident = resident_with(["Java"], [it_vacancy.occupation], desired_monthly_wage=2_500_000)
    match = score_match(resident, it_vacancy)
    text = match.explanation()
    assert "요구 기술·자격증 2개 중 1개 보유 (Java) +20점" in text
    assert "희망 직종(소프트웨어 개발자)과 같음 +20점" in text
    assert "학력 조건(고등학교 졸업 이상) 충족 +10점" in text
    assert "희망 고용 형태(정규직) +10점" in text
    assert "희망 월급 이상(2,800,000원) +10점" in text
    assert "근무지와 같은 동(구로3동) 거주 +10점" in text
    assert match.score == 80
    assert [s.name for s in match.missing_skills] == ["데이터베이스"]


def test_residents_are_ranked_by_score_and_unfit_ones_left_out(it_vacancy):
    best = resident_with(["Java", "데이터베이스"], [it_vacancy.occupation])
    some = resident_with(["Java"])
    resident_with(["조리"], dong=factories.dong("항동"))  # shares nothing with the vacancy
    no_consent = resident_with(["Java", "데이터베이스"], provision_consented_at=None)
    matches = recommend_residents(it_vacancy)
    names = [match.resident.pk for match in matches]
    assert names[:2] == [best.pk, some.pk]
    assert no_consent.pk not in names
    assert len(names) == 2


def test_vacancies_are_ranked_for_a_resident(it_vacancy):
    other = factories.VacancyFactory(occupation=factories.occupation("531"), dong=factories.dong("항동"))
    closed = factories.VacancyFactory(status="closed")
    resident = resident_with(["Java"], [it_vacancy.occupation])
    matches = recommend_vacancies(resident)
    ids = [match.vacancy.pk for match in matches]
    assert ids[0] == it_vacancy.pk
    assert other.pk in ids
    assert closed.pk not in ids


def test_people_short_of_skills_are_pointed_to_open_job_training(it_vacancy):
    training = factories.ProgramFactory(
        kind=Program.Kind.JOB_TRAINING, name="IT 개발자 양성과정", description="Java, 데이터베이스 실무 교육"
    )
    factories.ProgramFactory(kind=Program.Kind.JOB_TRAINING, name="호텔 서비스 교육", description="객실 응대")
    resident_with(["Java"], [it_vacancy.occupation])
    suggestions = training_suggestions(recommend_residents(it_vacancy))
    ((match, programs),) = suggestions
    assert programs[0] == training


def test_staff_refer_a_resident_in_one_click_and_the_resident_and_employer_see_it(
    client, staff_user, it_vacancy, mailoutbox, django_capture_on_commit_callbacks
):
    resident = resident_with(["Java"], [it_vacancy.occupation], with_user=True)
    factories.employer_user(employer=it_vacancy.employer)
    client.force_login(staff_user)
    url = reverse("admin:employers_vacancy_matches", args=[it_vacancy.pk])
    page = client.get(url).content.decode()
    assert resident.name in page
    assert "알선" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"resident": resident.pk, "vacancy": it_vacancy.pk})
    application = JobApplication.objects.get(resident=resident, vacancy=it_vacancy)
    assert application.status == JobApplication.Status.REFERRED
    assert application.referred_by == staff_user
    recipients = {address for message in mailoutbox for address in message.to}
    assert resident.user.email in recipients
    assert it_vacancy.employer.users.get().email in recipients


def test_resident_page_recommends_vacancies_with_a_refer_button(client, staff_user, it_vacancy):
    resident = resident_with(["Java"], [it_vacancy.occupation])
    client.force_login(staff_user)
    url = reverse("admin:residents_resident_matches", args=[resident.pk])
    page = client.get(url).content.decode()
    assert it_vacancy.title in page
    client.post(url, {"resident": resident.pk, "vacancy": it_vacancy.pk})
    assert JobApplication.objects.filter(resident=resident, status="referred").count() == 1
    page = client.get(url).content.decode()
    # Already referred: no longer recommended.
    assert reverse("admin:employers_vacancy_change", args=[it_vacancy.pk]) not in page


def test_managers_see_recommendations_but_cannot_refer(client, manager_user, it_vacancy):
    resident = resident_with(["Java"])
    client.force_login(manager_user)
    url = reverse("admin:employers_vacancy_matches", args=[it_vacancy.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"resident": resident.pk, "vacancy": it_vacancy.pk}).status_code == 403
    assert not JobApplication.objects.exists()


def test_skill_gap_suggestions_name_only_training_that_covers_a_missing_skill(it_vacancy):
    covering = factories.ProgramFactory(
        kind=Program.Kind.JOB_TRAINING, name="DB 실무 과정", description="데이터베이스 설계와 SQL"
    )
    taught = factories.ProgramFactory(kind=Program.Kind.JOB_TRAINING, name="사무 전산 과정", description="")
    taught.skills_taught.add(skill("데이터베이스"))
    factories.ProgramFactory(kind=Program.Kind.JOB_TRAINING, name="호텔 서비스 교육", description="객실 응대")
    factories.ProgramFactory(kind=Program.Kind.JOB_TRAINING, name="Java 입문", description="이미 가진 기술")
    resident_with(["Java"], [it_vacancy.occupation])
    ((match, programs),) = training_suggestions(recommend_residents(it_vacancy))
    assert {program.pk for program in programs} == {covering.pk, taught.pk}


def test_no_training_is_suggested_when_none_covers_a_missing_skill(it_vacancy):
    factories.ProgramFactory(kind=Program.Kind.JOB_TRAINING, name="호텔 서비스 교육", description="객실 응대")
    resident_with(["Java"], [it_vacancy.occupation])
    assert training_suggestions(recommend_residents(it_vacancy)) == [
        (match, []) for match in recommend_residents(it_vacancy) if match.missing_skills
    ]
