"""One timeline for job applications and program applications: one abstract model, one way to
write an event (record_event) and one way to read a timeline (timeline_of)."""

import datetime

import pytest
from django.utils import timezone

from guro_jobs.timeline import TimelineEvent, record_event, timeline_of, timeline_prefetch
from placements import services as placement_services
from placements.models import JobApplicationEvent
from programs import services as program_services
from programs.models import ProgramApplication, ProgramApplicationEvent
from tests import factories

pytestmark = pytest.mark.django_db


def test_job_and_program_application_events_are_one_kind_of_timeline_event():
    assert issubclass(JobApplicationEvent, TimelineEvent)
    assert issubclass(ProgramApplicationEvent, TimelineEvent)


def test_an_event_is_written_the_same_way_for_a_job_and_a_program_application():
    staff = factories.staff_user()
    job = factories.JobApplicationFactory()
    program = factories.ProgramApplicationFactory()

    job_event = record_event(job, status="interview", actor=staff, reason="1차 면접 12월 3일")
    program_event = record_event(program, status="eligible", actor=staff, reason="자격 확인")

    # Each keeps its free text in its own column: a job event's memo, a program event's reason.
    assert JobApplicationEvent.objects.get(pk=job_event.pk).note == "1차 면접 12월 3일"
    assert ProgramApplicationEvent.objects.get(pk=program_event.pk).reason == "자격 확인"
    assert [job_event.explanation, program_event.explanation] == ["1차 면접 12월 3일", "자격 확인"]
    assert job_event.actor == program_event.actor == staff


def test_a_timeline_reads_oldest_first_whatever_order_the_events_were_written_in():
    application = factories.JobApplicationFactory()
    now = timezone.now()
    record_event(application, status="interview", reason="나중")
    application.events.filter(status="interview").update(occurred_at=now)
    earlier = record_event(application, status="applied", reason="먼저")
    application.events.filter(pk=earlier.pk).update(occurred_at=now - datetime.timedelta(hours=1))

    assert [event.explanation for event in timeline_of(application)] == ["먼저", "나중"]


def test_the_services_of_both_apps_write_their_steps_into_the_timeline():
    resident = factories.ResidentFactory()
    job = placement_services.apply_to_vacancy(resident=resident, vacancy=factories.VacancyFactory())
    placement_services.withdraw_job_application(application=job, by=None)
    program = program_services.apply_to_program(resident=resident, program=factories.ProgramFactory())

    assert [(event.status, event.explanation) for event in timeline_of(job)] == [
        ("applied", ""),
        ("withdrawn", "본인이 지원을 취소했습니다."),
    ]
    assert [event.status for event in timeline_of(program)] == ["applied", "eligible"]


def test_the_timelines_of_many_applications_load_in_one_query(django_assert_num_queries):
    resident = factories.ResidentFactory()
    for _ in range(3):
        application = factories.ProgramApplicationFactory(resident=resident)
        record_event(application, status="applied")
        record_event(application, status="eligible", reason="자격 충족")
    applications = list(
        ProgramApplication.objects.filter(resident=resident).prefetch_related(
            timeline_prefetch(ProgramApplicationEvent)
        )
    )

    with django_assert_num_queries(0):
        statuses = [[event.status for event in timeline_of(a)] for a in applications]
    assert statuses == [["applied", "eligible"]] * 3


def test_a_residents_events_are_found_across_their_applications():
    resident = factories.ResidentFactory()
    mine = factories.JobApplicationFactory(resident=resident)
    other = factories.JobApplicationFactory()
    record_event(mine, status="applied")
    record_event(other, status="applied")

    assert list(JobApplicationEvent.objects.of_resident(resident).values_list("application", flat=True)) == [
        mine.pk
    ]


def test_the_event_tables_keep_the_column_order_they_were_built_with():
    # The shared fields come after each model's own, as before the timeline was shared: the admin,
    # exports and the demo digest read fields in this order.
    assert [f.name for f in JobApplicationEvent._meta.concrete_fields] == [
        "id",
        "application",
        "status",
        "note",
        "occurred_at",
        "actor",
    ]
    assert [f.name for f in ProgramApplicationEvent._meta.concrete_fields] == [
        "id",
        "application",
        "status",
        "reason",
        "occurred_at",
        "actor",
    ]
