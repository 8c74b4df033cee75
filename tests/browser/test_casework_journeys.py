"""Casework in a real browser: a counsellor records a note, verifies a document and refers a resident."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from casework.models import CaseNote, Referral, Team
from residents.models import ResidentPriorityGroup
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in_as_staff(page, user):
    """Staff sign in through the admin's login page (kept in one place: if staff need a second
    factor, only this helper changes). Staff give their authenticator app's code on the same form
    (an app already enrolled; enrolment: test_second_factor_journeys.py)."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="인증 앱", defaults={"confirmed": True}
    )
    page.goto("/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(factories.PASSWORD)
    page.locator("#id_otp_token").fill(factories.current_totp_code(device))
    page.locator("input[type=submit]").click()
    expect(page.locator("#user-tools")).to_be_visible()


def test_staff_record_a_note_verify_a_document_and_refer_a_resident(new_page, screenshot):
    counsellor = factories.staff_user("counsellor@guro.go.kr")
    team = Team.objects.create(name="기업지원팀")
    resident = factories.ResidentFactory(name="최사례")
    claim = factories.claim_priority_group(resident, "single_parent", verified=False)

    page = new_page()
    log_in_as_staff(page, counsellor)
    page.goto("/casework/")
    page.get_by_label("구직자 찾기 (이름 또는 휴대전화)").fill("최사례")
    page.get_by_role("button", name="찾기").click()
    page.get_by_role("link", name="최사례").first.click()
    expect(page.get_by_role("heading", name="최사례님 사례")).to_be_visible()

    # A note from the 초기상담 template.
    page.get_by_role("link", name="초기상담").click()
    body = page.locator("#id_note-body")
    expect(body).to_contain_text("■ 구직 희망")
    body.fill(body.input_value() + "\n물류·사무직 희망, 한부모가족 증명서 지참")
    page.get_by_role("button", name="상담 기록 저장").click()
    expect(page.get_by_text("상담 기록을 남겼습니다.")).to_be_visible()

    # The document check.
    page.locator("#id_verify-claim").select_option(str(claim.pk))
    page.locator("#id_verify-document_type").select_option("single_parent_certificate")
    page.locator("#id_verify-valid_until").fill("2099-12-31")
    page.get_by_role("button", name="서류 확인 기록").click()
    expect(page.get_by_text("증빙 서류 확인을 기록했습니다.")).to_be_visible()
    expect(page.locator("#priority-claims")).to_contain_text("확인됨")

    # The referral to another team, refused first without a reason.
    page.locator("#id_refer-to_team").select_option(str(team.pk))
    page.get_by_role("button", name="의뢰 보내기").click()
    expect(page.locator("#id_refer-reason")).to_be_visible()
    page.locator("#id_refer-to_team").select_option(str(team.pk))
    page.locator("#id_refer-reason").fill("구인 기업 연계가 필요합니다")
    page.get_by_role("button", name="의뢰 보내기").click()
    expect(page.get_by_text("의뢰를 보냈습니다.")).to_be_visible()
    expect(page.locator("#case-history")).to_contain_text("상담 기록")
    expect(page.locator("#case-history")).to_contain_text("한부모가족 증명서")
    expect(page.locator("#case-history")).to_contain_text("기업지원팀에 의뢰")
    screenshot(page, "casework-01-case")

    assert CaseNote.objects.get(resident=resident).author == counsellor
    claim = ResidentPriorityGroup.objects.get(pk=claim.pk)
    assert claim.state == ResidentPriorityGroup.State.VERIFIED and claim.verified_by == counsellor
    assert Referral.objects.get(resident=resident).to_team == team
