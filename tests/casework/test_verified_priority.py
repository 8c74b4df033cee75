"""A priority claim counts only once staff verified it with a document, and only until the
verification's validity ends: in selection, in matching and on the placements the dashboards count."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from placements.matching import score_match
from placements.services import record_hire
from programs.eligibility import check_eligibility
from programs.models import Program, ProgramPriorityWeight
from programs.selection import score_applicant
from residents.models import PriorityVerification, ResidentPriorityGroup
from residents.selectors import claims_to_reverify
from residents.services import verify_priority_claim
from tests import factories

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
State = ResidentPriorityGroup.State


def weighted_program():
    program = factories.ProgramFactory()
    ProgramPriorityWeight.objects.create(
        program=program, priority_group=factories.priority_group("basic_livelihood"), points=30
    )
    return program


def settled_resident(**kwargs):
    """45 years old and without a job search start, so no derived group or months add points."""
    return factories.ResidentFactory(
        birth_date=datetime.date(TODAY.year - 45, 1, 1), unemployed_since=None, **kwargs
    )


def test_an_unverified_claim_adds_no_points_in_selection():
    resident = settled_resident()
    factories.claim_priority_group(resident, "basic_livelihood", verified=False)
    assert score_applicant(program=weighted_program(), resident=resident).total == 0


def test_an_expired_claim_adds_no_points_in_selection():
    resident = settled_resident()
    factories.claim_priority_group(
        resident, "basic_livelihood", valid_until=TODAY - datetime.timedelta(days=1)
    )
    assert score_applicant(program=weighted_program(), resident=resident).total == 0


def test_a_claim_verified_with_a_document_scores_until_its_last_valid_day():
    resident = settled_resident()
    factories.claim_priority_group(resident, "basic_livelihood", valid_until=TODAY)
    score = score_applicant(program=weighted_program(), resident=resident)
    assert score.total == 30
    assert "기초생활수급자 +30점" in score.explanation()


def test_verifying_records_the_document_who_checked_it_when_and_until_when(staff_user):
    resident = settled_resident()
    claim = factories.claim_priority_group(resident, "single_parent", verified=False)
    assert claim.state == State.UNVERIFIED
    until = TODAY + datetime.timedelta(days=365)
    verify_priority_claim(
        claim=claim,
        document_type=ResidentPriorityGroup.DocumentType.SINGLE_PARENT_CERTIFICATE,
        valid_until=until,
        by=staff_user,
    )
    claim.refresh_from_db()
    assert claim.state == State.VERIFIED
    assert claim.verified_by == staff_user and claim.verified_at is not None
    assert claim.document_type == "single_parent_certificate" and claim.valid_until == until
    event = PriorityVerification.objects.get(resident=resident)
    assert event.verified_by == staff_user and event.valid_until == until


def test_verification_refuses_an_unknown_document_and_a_validity_before_the_check(staff_user):
    claim = factories.claim_priority_group(settled_resident(), "single_parent", verified=False)
    with pytest.raises(ValidationError) as error:
        verify_priority_claim(claim=claim, document_type="", by=staff_user)
    assert "서류" in str(error.value)
    with pytest.raises(ValidationError) as error:
        verify_priority_claim(
            claim=claim,
            document_type="other",
            valid_until=TODAY - datetime.timedelta(days=1),
            by=staff_user,
        )
    assert "유효 기간" in str(error.value)
    claim.refresh_from_db()
    assert claim.verified_at is None and not PriorityVerification.objects.exists()


def test_an_unverified_claim_does_not_meet_a_programs_required_group():
    program = Program.objects.get(code="2010-self-sufficiency-senior")
    resident = factories.ResidentFactory(birth_date=datetime.date(1970, 1, 1))
    claim = factories.claim_priority_group(resident, "basic_livelihood", verified=False)
    result = check_eligibility(program=program, resident=resident)
    assert [r.rule for r in result.failed] == ["priority_group"]
    ResidentPriorityGroup.objects.filter(pk=claim.pk).update(
        verified_at=timezone.now(), document_type="other"
    )
    assert "priority_group" not in [
        r.rule for r in check_eligibility(program=program, resident=resident).failed
    ]


def test_matching_counts_only_verified_unexpired_groups():
    vacancy = factories.VacancyFactory()
    resident = settled_resident()
    factories.claim_priority_group(resident, "basic_livelihood", verified=False)
    factories.claim_priority_group(resident, "single_parent", valid_until=TODAY - datetime.timedelta(days=1))
    reasons = [reason for reason, _points in score_match(resident, vacancy).reasons]
    assert not any("우선 지원 대상" in reason for reason in reasons)
    factories.claim_priority_group(resident, "disability")
    reasons = dict(score_match(resident, vacancy).reasons)
    assert reasons["취업 우선 지원 대상 1개 해당"] == 5


def test_a_hire_keeps_only_verified_groups_for_the_dashboards(staff_user):
    resident = settled_resident()
    factories.claim_priority_group(resident, "basic_livelihood", verified=False)
    factories.claim_priority_group(resident, "single_parent")
    application = factories.JobApplicationFactory(resident=resident)
    placement = record_hire(application=application, by=staff_user, started_on=TODAY)
    assert list(placement.priority_groups.values_list("code", flat=True)) == ["single_parent"]


def test_expired_and_soon_ending_verifications_are_listed_for_reverification():
    resident = settled_resident()
    expired = factories.claim_priority_group(
        resident, "basic_livelihood", valid_until=TODAY - datetime.timedelta(days=3)
    )
    soon = factories.claim_priority_group(
        resident, "single_parent", valid_until=TODAY + datetime.timedelta(days=10)
    )
    factories.claim_priority_group(resident, "disability", valid_until=TODAY + datetime.timedelta(days=200))
    factories.claim_priority_group(resident, "near_poor", verified=False)
    assert list(claims_to_reverify()) == [expired, soon]
    assert expired.state == State.EXPIRED


def test_the_resident_sees_each_claims_state(client):
    resident = factories.ResidentFactory(with_user=True)
    factories.claim_priority_group(resident, "basic_livelihood", verified=False)
    factories.claim_priority_group(resident, "single_parent", valid_until=TODAY - datetime.timedelta(days=1))
    factories.claim_priority_group(resident, "disability")
    client.force_login(resident.user)
    page = client.get(reverse("residents:me")).content.decode()
    assert '기초생활수급자 — <span class="status status-unverified">확인 대기' in page
    assert '한부모가정 — <span class="status status-expired">유효 기간 만료 (재확인 필요)' in page
    assert '장애인 — <span class="status status-verified">확인됨' in page


def test_staff_verify_a_claim_in_the_admin_inline_and_their_name_is_kept(client, staff_user):
    resident = settled_resident()
    claim = factories.claim_priority_group(resident, "single_parent", verified=False)
    client.force_login(staff_user)
    url = reverse("admin:residents_residentprioritygroup_change", args=[claim.pk])
    response = client.post(
        url,
        {
            "resident": resident.pk,
            "priority_group": claim.priority_group_id,
            "document_type": "single_parent_certificate",
            "valid_until": (TODAY + datetime.timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 302, response.content[:500]
    claim.refresh_from_db()
    assert claim.state == State.VERIFIED and claim.verified_by == staff_user
