"""Demo interviews, a district job fair with booked slots, and message threads (interviews,
conversations): a handful of rows on this year's applications, written after the bulk tables."""

import datetime
import uuid

from django.utils import timezone

from conversations.models import Message, Thread
from interviews.models import Booking, HiringEvent, Interview, InterviewChange, TimeSlot
from placements.models import JobApplication

PLACES = ("서울특별시 구로구 디지털로 300, 5층 회의실", "서울특별시 구로구 경인로 662, 2층 인사팀")
MESSAGES = (
    ("employer", "지원해 주셔서 감사합니다. 면접 때 경력 증명서를 가져와 주세요."),
    ("resident", "네, 준비해 가겠습니다. 주차가 가능한지 궁금합니다."),
    ("employer", "건물 지하 주차장을 쓰시면 됩니다. 1시간 무료입니다."),
)


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def create_interviews(ctx, vacancies, *, interviews=6, threads=3):
    """Interviews on this year's open vacancies' applicants (confirmed or waiting for an answer),
    message threads on some of them."""
    current = [v.pk for v in vacancies if v.current and v.status == "open"]
    applications = list(
        JobApplication.objects.filter(vacancy_id__in=current, status__in=("applied", "interview"))
        .select_related("vacancy__employer")
        .order_by("id")[:interviews]
    )
    rng, today = ctx.rng_today, ctx.today
    for index, application in enumerate(applications):
        proposed_at = _at(today - datetime.timedelta(days=2), 9 + index)
        starts_at = _at(today + datetime.timedelta(days=1 + index), 10 + index % 6)
        confirmed = index % 2 == 0
        interview = Interview.objects.create(
            application=application,
            uid=uuid.UUID(int=rng.getrandbits(128)),
            status=Interview.Status.CONFIRMED if confirmed else Interview.Status.PROPOSED,
            starts_at=starts_at,
            duration_minutes=rng.choice((30, 40, 60)),
            place=PLACES[index % len(PLACES)],
            contact_name="인사 담당자",
            contact_phone=application.vacancy.employer.phone or "02-860-2000",
            what_to_bring="신분증, 자격증 사본",
            responded_at=proposed_at + datetime.timedelta(hours=3) if confirmed else None,
            created_at=proposed_at,
            updated_at=proposed_at,
        )
        InterviewChange.objects.create(
            interview=interview,
            status=Interview.Status.PROPOSED,
            starts_at=starts_at,
            occurred_at=proposed_at,
        )
        if confirmed:
            InterviewChange.objects.create(
                interview=interview,
                status=Interview.Status.CONFIRMED,
                starts_at=starts_at,
                occurred_at=proposed_at + datetime.timedelta(hours=3),
            )
        if application.status != JobApplication.Status.INTERVIEW:
            JobApplication.objects.filter(pk=application.pk).update(
                status="interview", status_changed_at=proposed_at
            )
            application.events.create(status="interview", note="면접 일정 제안", occurred_at=proposed_at)
        if index < threads:
            thread = Thread.objects.create(application=application, created_at=proposed_at)
            for step, (side, body) in enumerate(MESSAGES):
                sent_at = proposed_at + datetime.timedelta(hours=1 + step)
                Message.objects.create(thread=thread, side=side, body=body, sent_at=sent_at)
            thread.last_message_at = sent_at
            thread.save(update_fields=["last_message_at"])
    return len(applications)


def create_job_fair(ctx, employers, vacancies, *, slots=3, capacity=20, bookings=8):
    """This year's district job fair two weeks ahead, with its employers, slots and some bookings."""
    if not employers:
        return 0
    today = ctx.today
    day = today + datetime.timedelta(days=14)
    event = HiringEvent.objects.create(
        title=f"{today.year} 구로구 일자리 박람회",
        kind=HiringEvent.Kind.JOB_FAIR,
        place="구로구청 대강당 (서울특별시 구로구 가마산로 245)",
        held_on=day,
        description="구로구 기업들이 현장에서 면접을 봅니다. 시간대를 예약하고 이력서를 가져오세요.",
        is_published=True,
        created_at=_at(today - datetime.timedelta(days=7), 9),
    )
    # The links written in this order: set()/add() go through a set of ids, whose order moves
    # with the ids the database hands out, and the same seed would give other rows.
    HiringEvent.employers.through.objects.bulk_create(
        HiringEvent.employers.through(hiringevent=event, employer_id=row.pk) for row in employers[:6]
    )
    HiringEvent.vacancies.through.objects.bulk_create(
        HiringEvent.vacancies.through(hiringevent=event, vacancy_id=v.pk)
        for v in [v for v in vacancies if v.current and v.status == "open"][:6]
    )
    made = [
        TimeSlot.objects.create(
            event=event, starts_at=_at(day, 10 + 2 * i), ends_at=_at(day, 11 + 2 * i), capacity=capacity
        )
        for i in range(slots)
    ]
    for index, resident_id in enumerate(ctx.r_id[:bookings]):
        Booking.objects.create(
            slot=made[index % len(made)],
            event=event,
            resident_id=resident_id,
            booked_at=_at(today - datetime.timedelta(days=1), 9, index),
        )
    return 1
