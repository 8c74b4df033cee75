"""Demo placements, the job and program applications behind them, and their follow-ups."""

import datetime

from guro_jobs.demo.programs import program_fit
from guro_jobs.demo.tools import add_months, at, minimum_wage, picker, round_up
from placements.models import JobApplication, JobApplicationEvent, Placement, RetentionCheck
from programs.models import (
    ProgramApplication,
    ProgramApplicationEvent,
)

JOB_APPLICATION_FLOWS = {
    # past vacancies (closed or filled): how applications that did not lead to a hire ended
    "past": ((("applied", "rejected"), 40), (("applied", "interview", "rejected"), 25),
             (("referred", "rejected"), 8), (("referred", "interview", "rejected"), 7),
             (("applied", "withdrawn"), 15), (("applied", "interview", "withdrawn"), 5)),
    # open vacancies this year: still in progress
    "open": ((("applied",), 40), (("referred",), 15), (("applied", "interview"), 20),
             (("referred", "interview"), 5), (("applied", "rejected"), 12), (("applied", "withdrawn"), 8)),
}  # fmt: skip
PROGRAM_APPLICATION_FLOWS = {
    "past": ((("applied", "ineligible"), 30), (("applied", "eligible", "waitlisted"), 40),
             (("applied", "withdrawn"), 15), (("applied", "eligible", "selected", "dropped"), 15)),
    "current": ((("applied",), 25), (("applied", "eligible"), 20), (("applied", "ineligible"), 10),
                (("applied", "eligible", "selected"), 25), (("applied", "eligible", "waitlisted"), 15),
                (("applied", "withdrawn"), 5)),
}  # fmt: skip
INELIGIBLE_REASONS = (
    "만 나이 기준 미충족", "구로구 거주 요건 미충족", "고용 상태 요건 미충족(재직 중)", "신청 자격 대상에 해당하지 않음",
    "제출 서류 미비",
)  # fmt: skip
# Share still employed at each follow-up, given employed at the previous one (vacancy/agreement hires).
RETENTION_STAY = ((1, 0.93), (3, 0.88), (6, 0.88), (12, 0.85))


def _event_time(rng, ordinal, step):
    """Times of a timeline's steps on one day increase with the step."""
    return at(ordinal, 9 * 60 + step * 90 + rng.randrange(80))


def _days(rng, first, last, steps):
    """`steps` non-decreasing days from `first` to at most `last`."""
    days = [first]
    for _step in range(steps - 1):
        days.append(rng.randint(days[-1], max(days[-1], last)))
    return days


def add_placement(ctx, *, index, started, ended=None, **fields):
    """A placement with the resident's facts at hire, its priority groups and its follow-ups at 1, 3,
    6 and 12 months. Without a known end, whether the person stayed is drawn at each follow-up
    (and the end day follows from it); with one, employed means the follow-up came before it."""
    rng, tables = ctx.rng, ctx.tables
    start_day = datetime.date.fromordinal(started)
    checks, employed, previous, left_on = [], True, started, None
    for months, stay in RETENTION_STAY:
        due = add_months(start_day, months).toordinal()
        if ended is not None:
            result = due <= ended
        else:
            if employed and rng.random() >= stay:
                employed, left_on = False, rng.randint(previous + 1, due - 1)
            result = employed
        unchecked = rng.random() < 0.02  # a few follow-ups never made: overdue on the staff's list
        note = (
            "" if unchecked or rng.random() < 0.7 else rng.choice(("전화 확인", "문자 회신", "사업장 확인"))
        )
        checks.append((months, due, None if unchecked else due + rng.randint(0, 10), result, note))
        previous = due
    end = ended if ended is not None else left_on
    pk = tables[Placement].add(
        started_on=start_day,
        ended_on=datetime.date.fromordinal(end) if end else None,
        recorded_at=at(started + rng.randint(0, 5), rng.randrange(9 * 60, 18 * 60)),
        **ctx.facts(index, started),
        **fields,
    )
    group_table = tables[Placement.priority_groups.through]
    mask = ctx.r_verified[index]  # only verified claims count on a placement
    for group_id in ctx.group_ids(mask) if mask else ():
        group_table.add(placement_id=pk, prioritygroup_id=group_id)
    checks_table = tables[RetentionCheck]
    for months, due, checked, result, note in checks:
        checks_table.add(
            placement_id=pk,
            months_after_start=months,
            due_on=datetime.date.fromordinal(due),
            checked_on=datetime.date.fromordinal(checked) if checked else None,
            still_employed=result if checked else None,
            note=note,
        )
    tables.flush_if_full()
    return pk


def add_job_application(ctx, *, index, vacancy, flow, days, rng=None):
    """A job application and one event per step of its flow (on non-decreasing days)."""
    rng, tables = rng or ctx.rng, ctx.tables
    times = [_event_time(rng, day, step) for step, day in enumerate(days)]
    pk = tables[JobApplication].add(
        resident_id=ctx.r_id[index],
        vacancy_id=vacancy.pk,
        status=flow[-1],
        created_at=times[0],
        status_changed_at=times[-1],
    )
    events = tables[JobApplicationEvent]
    for status, occurred in zip(flow, times, strict=True):
        note = {"referred": "구로구 일자리센터 알선", "interview": "면접 일정 안내"}.get(status, "")
        events.add(application_id=pk, status=status, note=note, occurred_at=occurred)
    tables.flush_if_full()
    return pk


def create_vacancy_placements(ctx, vacancies, hires, unplaced, linker):
    """Hires through vacancies (with their applications), and the applications that did not end in one."""
    rng = ctx.rng
    today = ctx.today.toordinal()
    consented = ctx.r_provision.__getitem__  # applying means giving employers one's data
    pick_flow, pick_flow_today = (
        {
            kind: picker(r, [f for f, _w in flows], [w for _f, w in flows])
            for kind, flows in JOB_APPLICATION_FLOWS.items()
        }
        for r in (rng, ctx.rng_today)
    )
    for vacancy, hire_count, other_count in zip(vacancies, hires, unplaced, strict=True):
        used = set()
        year_end = datetime.date(vacancy.year, 12, 31).toordinal()
        for _hire in range(hire_count):
            started = min(vacancy.posted + rng.randint(14, 60), year_end)
            applied = rng.randint(vacancy.posted, max(vacancy.posted, started - 7))
            index = ctx.pick_resident(applied, used, consented)
            application_id = None
            if linker.take():
                first = "referred" if rng.random() < 0.2 else "applied"
                flow = (first, "interview", "hired") if rng.random() < 0.7 else (first, "hired")
                days = _days(rng, applied, started, len(flow))
                application_id = add_job_application(ctx, index=index, vacancy=vacancy, flow=flow, days=days)
            add_placement(
                ctx, index=index, started=started, source=Placement.Source.VACANCY, sector="private",
                job_application_id=application_id, employer_id=vacancy.employer_id,
                agreement_id=vacancy.agreement_id, monthly_wage=vacancy.monthly_wage,
            )  # fmt: skip
        if other_count:
            if vacancy.current:
                r, last = ctx.rng_today, today
                flows = pick_flow_today["open" if vacancy.status == "open" else "past"]
            else:
                r, last, flows = rng, vacancy.closes or vacancy.posted + 30, pick_flow["past"]
            for _other in range(other_count):
                applied = r.randint(vacancy.posted, max(vacancy.posted, min(last, today)))
                index = ctx.pick_resident(applied, used, consented, rng=r)
                flow = flows()
                days = _days(r, applied, min(applied + 30, today), len(flow))
                add_job_application(ctx, index=index, vacancy=vacancy, flow=flow, days=days, rng=r)
        ctx.tables.flush_if_full()


def create_agreement_placements(ctx, per_year):
    """Hires under agreements (D-Cube City first), within each agreement's term, mostly locals."""
    rng = ctx.rng
    lives_in_guro = ctx.r_dong.__getitem__
    for year, plans in per_year.items():
        for agreement, count, first, last in plans:
            used = set()
            wage_base = minimum_wage(year) * 209
            for _i in range(count):
                started = rng.randint(first, last)
                index = ctx.pick_resident(started, used, lives_in_guro, attempts=5)
                add_placement(
                    ctx, index=index, started=started, source=Placement.Source.AGREEMENT, sector="private",
                    employer_id=agreement.employer_id, agreement_id=agreement.pk,
                    monthly_wage=round_up(wage_base * rng.uniform(1.0, 1.3), 10000),
                )  # fmt: skip
            ctx.tables.flush_if_full()


DECISION_REASONS = {
    "waitlisted": "정원 초과로 대기",
    "withdrawn": "본인 요청으로 신청 취소",
    "dropped": "개인 사정으로 중도 포기",
    "selected": "선발 기준 점수 충족",
    "completed": "사업 기간 종료",
}


def add_program_application(ctx, *, index, program, flow, times, waitlist=None, rng=None):
    """A program application and one event per step; `times` are the steps' times."""
    rng, tables = rng or ctx.rng, ctx.tables
    final = flow[-1]
    mask = ctx.r_verified[index]
    score = sum(points for group_id, points in program.points.items() if mask & ctx.group_bit_by_id[group_id])
    reason = rng.choice(INELIGIBLE_REASONS) if final == "ineligible" else DECISION_REASONS.get(final, "")
    decided = len(flow) > 1 and final != "withdrawn"
    pk = tables[ProgramApplication].add(
        resident_id=ctx.r_id[index],
        program_id=program.pk,
        status=final,
        priority_score=score if "eligible" in flow else None,
        waitlist_position=waitlist,
        decision_reason=reason,
        applied_at=times[0],
        decided_at=times[min(2, len(times) - 1)] if decided else None,
    )
    events = tables[ProgramApplicationEvent]
    for status, occurred in zip(flow, times, strict=True):
        events.add(
            application_id=pk, status=status, reason=reason if status == final else "", occurred_at=occurred
        )
    tables.flush_if_full()
    return pk


def create_program_placements(ctx, programs, placements, unplaced, linker):
    """Places in programs (with their applications), and the applications that did not end in one."""
    rng = ctx.rng
    today = ctx.today.toordinal()
    pick_flow, pick_flow_today = (
        {
            kind: picker(r, [f for f, _w in flows], [w for _f, w in flows])
            for kind, flows in PROGRAM_APPLICATION_FLOWS.items()
        }
        for r in (rng, ctx.rng_today)
    )
    for program, placement_count, other_count in zip(programs, placements, unplaced, strict=True):
        used = set()
        fits = program_fit(ctx, program, program.closes)

        def misfits(index, fits=fits):
            return not fits(index)

        for _i in range(placement_count):
            late = rng.random() >= 0.7  # most start on day one; some fill places later
            started = (
                rng.randint(program.starts, min(program.ends, program.starts + 150))
                if late
                else program.starts
            )
            applied = rng.randint(program.opens, program.closes)
            decided = min(program.closes + rng.randint(1, 5), started)
            dropped = rng.random() < 0.12
            ended = rng.randint(started, program.ends) if dropped else program.ends
            index = ctx.pick_resident(applied, used, fits)
            application_id = None
            if linker.take():
                flow = ("applied", "eligible", "selected", "active", "dropped" if dropped else "completed")
                times = [_event_time(rng, applied, 0), _event_time(rng, decided, 1), _event_time(rng, decided, 2),
                         at(started, 9 * 60), at(ended, 18 * 60)]  # fmt: skip
                application_id = add_program_application(
                    ctx, index=index, program=program, flow=flow, times=times
                )
            add_placement(
                ctx, index=index, started=started, ended=ended, source=Placement.Source.PROGRAM, sector="public",
                program_id=program.pk, program_application_id=application_id, monthly_wage=program.monthly_wage,
            )  # fmt: skip
        waitlist = 0
        if program.current:
            r, flows, last = ctx.rng_today, pick_flow_today["current"], min(program.closes, today)
        else:
            r, flows, last = rng, pick_flow["past"], program.closes
        for _i in range(other_count):
            flow = flows()
            applied = r.randint(min(program.opens, last), last)
            decided = max(applied, min(program.closes + r.randint(1, 5), today))
            chooser = misfits if flow[-1] == "ineligible" else fits
            index = ctx.pick_resident(applied, used, chooser, attempts=10, rng=r)
            position = None
            if flow[-1] == "waitlisted":
                waitlist += 1
                position = waitlist
            times = [_event_time(r, applied, 0)]
            for step, status in enumerate(flow[1:], start=1):
                if status == "dropped":
                    times.append(at(max(decided, program.starts), 17 * 60 + 30))
                else:
                    times.append(_event_time(r, decided, step))
            add_program_application(
                ctx, index=index, program=program, flow=flow, times=times, waitlist=position, rng=r
            )
        ctx.tables.flush_if_full()
