"""A small hand-built set of placements whose every figure is counted by hand in the tests.

2011 (the plan's targets: total 3,810, public 2,550, private 1,260):
  p1 public  2011-03-01  program P      구로3동  wage 1,000,000  기초생활수급자
  p2 public  2011-12-31  program P      신도림동  wage 1,200,000  기초생활수급자, 한부모가정
  p3 private 2011-01-01  agreement A    구로3동  wage 2,500,000
  p4 private 2011-06-15  agreement A    (outside Guro) wage 2,800,000
  p5 private 2011-07-01  Valley firm    구로3동  wage 2,000,000
  p6 private 2011-08-01  other firm     신도림동  no wage
2010: p7 private agreement A 구로3동; p8 public Valley firm 구로3동.   2012: p9 private Valley firm.
"""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from employers.models import Employer
from placements.models import JobApplication, Placement, RetentionCheck
from programs.models import ProgramApplication
from tests import factories

SEOUL = ZoneInfo("Asia/Seoul")


def at(year, month, day):
    return datetime.datetime(year, month, day, 12, 0, tzinfo=SEOUL)


@pytest.fixture
def hand_counted(db):
    guro3 = factories.dong("구로3동")
    sindorim = factories.dong("신도림동")
    basic = factories.priority_group("basic_livelihood")
    single_parent = factories.priority_group("single_parent")
    valley_firm = factories.EmployerFactory(
        name="밸리소프트", kind=Employer.Kind.DIGITAL_VALLEY, in_digital_valley=True
    )
    other_firm = factories.EmployerFactory(name="구로상사", kind=Employer.Kind.OTHER, in_digital_valley=False)
    agreement = factories.AgreementFactory(
        signed_on=datetime.date(2010, 1, 1),
        starts_on=datetime.date(2010, 1, 1),
        planned_hires=100,
        local_hire_share=50,
    )
    program = factories.ProgramFactory(name="2011 공공근로", year=2011, capacity=10, sector="public")

    def place(sector, started_on, *, dong=guro3, wage=None, groups=(), **origin):
        placement = factories.PlacementFactory(
            sector=sector,
            started_on=started_on,
            dong_at_hire=dong,
            guro_resident_at_hire=dong is not None,
            monthly_wage=wage,
            **({"employer": None} | origin),
        )
        placement.priority_groups.set(groups)
        return placement

    program_origin = {"source": Placement.Source.PROGRAM, "program": program}
    agreement_origin = {"source": Placement.Source.AGREEMENT, "agreement": agreement}
    p = SimpleNamespace()
    p.p1 = place("public", datetime.date(2011, 3, 1), wage=1_000_000, groups=[basic], **program_origin)
    p.p2 = place(
        "public",
        datetime.date(2011, 12, 31),
        dong=sindorim,
        wage=1_200_000,
        groups=[basic, single_parent],
        **program_origin,
    )
    p.p3 = place("private", datetime.date(2011, 1, 1), wage=2_500_000, **agreement_origin)
    p.p4 = place("private", datetime.date(2011, 6, 15), dong=None, wage=2_800_000, **agreement_origin)
    p.p5 = place("private", datetime.date(2011, 7, 1), wage=2_000_000, employer=valley_firm)
    p.p6 = place("private", datetime.date(2011, 8, 1), dong=sindorim, employer=other_firm)
    p.p7 = place("private", datetime.date(2010, 5, 1), wage=2_100_000, **agreement_origin)
    p.p8 = place("public", datetime.date(2010, 12, 31), wage=1_500_000, employer=valley_firm)
    p.p9 = place("private", datetime.date(2012, 1, 1), wage=3_000_000, employer=valley_firm)

    def check(placement, months, still_employed):
        RetentionCheck.objects.create(
            placement=placement,
            months_after_start=months,
            due_on=placement.started_on + datetime.timedelta(days=30 * months),
            checked_on=None
            if still_employed is None
            else placement.started_on + datetime.timedelta(days=30 * months),
            still_employed=still_employed,
        )

    check(p.p1, 1, True)
    check(p.p1, 3, False)
    check(p.p5, 1, True)
    check(p.p5, 3, None)
    check(p.p9, 1, True)

    # Applications: residents r1..r4 apply in 2011, r5 in 2012.
    r1, r2, r3, r4, r5 = (factories.ResidentFactory() for _ in range(5))
    staff = factories.staff_user("dashboard-staff@guro.go.kr")
    factories.JobApplicationFactory(resident=r1, created_at=at(2011, 2, 1))
    factories.JobApplicationFactory(
        resident=r2, created_at=at(2011, 4, 1), referred_by=staff, status=JobApplication.Status.INTERVIEW
    )
    factories.JobApplicationFactory(resident=r5, created_at=at(2012, 1, 5))
    for resident, status in [
        (r1, ProgramApplication.Status.APPLIED),
        (r3, ProgramApplication.Status.SELECTED),
        (r4, ProgramApplication.Status.ACTIVE),
    ]:
        factories.ProgramApplicationFactory(
            resident=resident, program=program, status=status, applied_at=at(2011, 1, 10)
        )
    p.program = program
    p.agreement = agreement
    p.valley_firm = valley_firm
    return p
