"""Partners: an agreement's incentive ledger becomes eligible from verified local hires (the
1-month retention check found them still employed); staff grant, or refuse with a reason.
Digital Valley firms as a registry, and partner vocational schools' students' placements."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from employers import selectors, services
from employers.models import Agreement, IncentiveGrant, PartnerSchool
from placements.models import Placement
from placements.services import create_retention_checks
from tests import factories

pytestmark = pytest.mark.django_db


def local_hire(agreement, *, verified, guro=True):
    placement = factories.PlacementFactory(
        source=Placement.Source.AGREEMENT,
        agreement=agreement,
        employer=agreement.employer,
        guro_resident_at_hire=guro,
        dong_at_hire=factories.dong() if guro else None,
    )
    create_retention_checks(placement=placement)
    if verified is not None:
        check = placement.retention_checks.get(months_after_start=1)
        check.checked_on, check.still_employed = check.due_on, verified
        check.save()
    return placement


@pytest.fixture
def agreement():
    return factories.AgreementFactory(
        planned_hires=6,
        local_hire_share=50,
        incentives=[Agreement.Incentive.LOCAL_TAX_REDUCTION, Agreement.Incentive.TAX_AUDIT_EXEMPTION],
    )


def test_the_ledger_has_a_line_per_incentive_needing_the_local_hire_quota(agreement):
    lines = services.open_incentive_ledger(agreement=agreement)
    assert sorted((line.get_incentive_display(), line.required_local_hires) for line in lines) == [
        ("세무조사 면제", 3),
        ("지방세 감면", 3),
    ]
    assert len(services.open_incentive_ledger(agreement=agreement)) == 2
    assert IncentiveGrant.objects.count() == 2


def test_incentive_eligibility_counts_only_verified_local_hires(agreement, staff_user):
    line = services.open_incentive_ledger(agreement=agreement)[0]
    local_hire(agreement, verified=True)
    local_hire(agreement, verified=True)
    local_hire(agreement, verified=None)  # not yet checked
    local_hire(agreement, verified=False)  # left within the month
    local_hire(agreement, verified=True, guro=False)  # not a Guro resident
    assert selectors.verified_local_hires(agreement) == 2
    assert [entry.eligible for entry in selectors.incentive_ledger(agreement)] == [False, False]
    with pytest.raises(ValidationError) as error:
        services.grant_incentive(line=line, by=staff_user)
    assert "확인된 지역 주민 채용이 2명으로, 필요한 3명에 못 미쳐" in str(error.value)
    local_hire(agreement, verified=True)
    assert all(entry.eligible for entry in selectors.incentive_ledger(agreement))
    granted = services.grant_incentive(line=line, by=staff_user, reason="협약 목표 달성")
    assert granted.status == IncentiveGrant.Status.GRANTED and granted.decided_by == staff_user
    assert granted.verified_local_hires_at_decision == 3


def test_a_refusal_needs_a_reason_and_a_decision_is_made_once(agreement, staff_user):
    line = services.open_incentive_ledger(agreement=agreement)[1]
    with pytest.raises(ValidationError) as error:
        services.refuse_incentive(line=line, by=staff_user, reason="")
    assert "거절 사유" in str(error.value)
    refused = services.refuse_incentive(line=line, by=staff_user, reason="지방세 체납")
    assert refused.status == IncentiveGrant.Status.REFUSED and refused.reason == "지방세 체납"
    with pytest.raises(ValidationError):
        services.refuse_incentive(line=line, by=staff_user, reason="다시")


def test_the_digital_valley_registry_lists_firms_workers_and_local_hires():
    firm = factories.EmployerFactory(name="구로소프트", headcount=120)
    factories.EmployerFactory(name="외부기업", in_digital_valley=False, kind="other")
    agreement = factories.AgreementFactory(employer=firm)
    local_hire(agreement, verified=True)
    local_hire(agreement, verified=None)
    local_hire(agreement, verified=True, guro=False)
    rows = {
        row.name: (row.headcount, row.local_hires, row.verified_local_hires)
        for row in selectors.digital_valley_registry()
    }
    assert rows == {"구로소프트": (120, 2, 1)}


def test_partner_school_students_placements_with_digital_valley_firms_are_counted():
    school = PartnerSchool.objects.create(name="구로공업고등학교", partnered_on=datetime.date(2011, 3, 2))
    student, other = factories.ResidentFactory(), factories.ResidentFactory()
    school.students.add(student)
    factories.PlacementFactory(resident=student, employer=factories.EmployerFactory())
    factories.PlacementFactory(resident=other, employer=factories.EmployerFactory())
    factories.PlacementFactory(
        resident=student, employer=factories.EmployerFactory(in_digital_valley=False, kind="other")
    )
    assert [(row.name, row.digital_valley_placements) for row in selectors.partner_school_placements()] == [
        ("구로공업고등학교", 1)
    ]


def test_staff_see_the_ledger_registry_and_schools_on_one_page(client, staff_user, agreement):
    services.open_incentive_ledger(agreement=agreement)
    local_hire(agreement, verified=True)
    PartnerSchool.objects.create(name="구로공업고등학교")
    client.force_login(staff_user)
    page = client.get("/casework/partners/").content.decode()
    assert "지방세 감면" in page and "세무조사 면제" in page
    assert agreement.employer.name in page and "구로공업고등학교" in page
    client.force_login(factories.employer_user())
    assert client.get("/casework/partners/").status_code == 403


def test_a_cancelled_hire_is_neither_a_verified_local_hire_nor_a_digital_valley_hire(agreement):
    from casework.selectors import digital_valley_figures

    services.open_incentive_ledger(agreement=agreement)
    kept = local_hire(agreement, verified=True)
    cancelled = local_hire(agreement, verified=True)
    Placement.objects.filter(pk=cancelled.pk).update(
        status=Placement.Status.CANCELLED, cancelled_at=timezone.now(), cancellation_reason="오입력"
    )
    assert selectors.verified_local_hires(agreement) == 1
    assert [entry.verified_local_hires for entry in selectors.incentive_ledger(agreement)] == [1, 1]
    agreement.employer.in_digital_valley = True
    agreement.employer.save()
    assert digital_valley_figures(kept.started_on.year)["local_hires"] == 1
