"""The plan's programs as the plan runs them: 자활근로 and 노인일자리 share 1,500 places and are
reported apart; community jobs favour parents raising children and those finishing Hope Work;
the four programs without a capacity in the plan keep it empty."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from programs import services
from programs.models import PlacePool, Program, ProgramApplication
from programs.selection import free_places, score_applicant
from tests import factories

pytestmark = pytest.mark.django_db
Status = ProgramApplication.Status


def fill(program, count, status=Status.SELECTED):
    residents = factories.ResidentFactory.create_batch(count)
    ProgramApplication.objects.bulk_create(
        ProgramApplication(resident=resident, program=program, status=status) for resident in residents
    )


def test_self_sufficiency_and_senior_jobs_are_two_programs_in_one_pool_of_1500():
    senior = Program.objects.get(code="2010-self-sufficiency-senior")
    own = Program.objects.get(code="2010-self-sufficiency")
    assert (senior.kind, own.kind) == ("senior_jobs", "self_sufficiency")
    assert senior.place_pool == own.place_pool
    assert senior.place_pool.capacity == 1500
    assert senior.capacity is None and own.capacity is None


def test_a_shared_pool_refuses_the_1501st_place(staff_user):
    senior = Program.objects.get(code="2010-self-sufficiency-senior")
    own = Program.objects.get(code="2010-self-sufficiency")
    fill(senior, 900)
    fill(own, 599)
    assert free_places(senior) == free_places(own) == 1
    last, one_too_many = (
        factories.ProgramApplicationFactory(program=own, status=Status.ELIGIBLE),
        factories.ProgramApplicationFactory(program=senior, status=Status.ELIGIBLE),
    )
    services.change_program_application_status(
        application=last, status=Status.SELECTED, reason="선발", by=staff_user
    )
    with pytest.raises(ValidationError) as error:
        services.change_program_application_status(
            application=one_too_many, status=Status.SELECTED, reason="선발", by=staff_user
        )
    assert "공유 정원" in str(error.value)
    one_too_many.refresh_from_db()
    assert one_too_many.status == Status.ELIGIBLE
    held = ProgramApplication.objects.filter(program__place_pool=senior.place_pool, status=Status.SELECTED)
    assert held.count() == 1500
    assert held.filter(program=senior).count() == 900 and held.filter(program=own).count() == 600


def test_selection_in_a_pool_stops_at_what_the_pool_has_left(staff_user):
    pool = PlacePool.objects.create(name="시험 공유 정원", year=2030, capacity=3)
    first = factories.ProgramFactory(capacity=None, place_pool=pool, year=2030)
    second = factories.ProgramFactory(capacity=None, place_pool=pool, year=2030)
    fill(first, 2)
    applications = [
        services.apply_to_program(resident=factories.ResidentFactory(), program=second) for _ in range(3)
    ]
    outcome = services.select_participants(program=second, by=staff_user)
    assert len(outcome.selected) == 1 and len(outcome.waitlisted) == 2
    assert {a.pk for a in outcome.selected} <= {a.pk for a in applications}


def test_a_program_without_capacity_or_pool_cannot_select(staff_user):
    program = factories.ProgramFactory(capacity=None)
    with pytest.raises(ValidationError):
        services.select_participants(program=program, by=staff_user)


def test_the_four_programs_without_a_plan_capacity_keep_it_empty():
    empty = Program.objects.filter(year=2010, capacity__isnull=True, place_pool__isnull=True)
    assert set(empty.values_list("code", flat=True)) == {
        "2010-youth-internship",
        "2010-community-jobs",
        "2010-service-training",
        "2010-it-training",
    }


def test_community_jobs_favour_parents_raising_children_and_hope_work_finishers():
    program = Program.objects.get(code="2010-community-jobs")
    parent = factories.ResidentFactory(unemployed_since=None)
    factories.claim_priority_group(parent, "raising_children")
    finisher = factories.ResidentFactory(unemployed_since=None)
    hope = factories.ProgramFactory(kind=Program.Kind.HOPE_WORK)
    factories.ProgramApplicationFactory(resident=finisher, program=hope, status=Status.COMPLETED)
    nobody = factories.ResidentFactory(unemployed_since=None)
    scores = {
        name: score_applicant(program=program, resident=resident).total
        for name, resident in [("parent", parent), ("finisher", finisher), ("nobody", nobody)]
    }
    assert scores == {"parent": 40, "finisher": 40, "nobody": 0}
    weights = {w.priority_group.code: w.points for w in program.priority_weights.all()}
    assert max(weights.values()) == weights["raising_children"] == weights["hope_work_finisher"]


def test_the_program_page_shows_the_shared_pool_and_what_is_left_of_it(client):
    pool = PlacePool.objects.create(name="자활근로·노인일자리", year=timezone.localdate().year, capacity=1500)
    senior = factories.ProgramFactory(capacity=None, place_pool=pool, kind=Program.Kind.SENIOR_JOBS)
    fill(factories.ProgramFactory(capacity=None, place_pool=pool, kind=Program.Kind.SELF_SUFFICIENCY), 20)
    page = client.get(reverse("programs:detail", args=[senior.pk])).content.decode()
    assert "자활근로·노인일자리" in page and "남은 자리 1,480명" in page
