"""/programs/: this year's programs with places left, a self-explaining eligibility check, apply, withdraw."""

import pytest
from django.utils import timezone

from programs.models import ProgramApplication
from tests import factories

pytestmark = pytest.mark.django_db


def test_program_list_shows_this_years_published_programs_with_places_left(client):
    program = factories.ProgramFactory(name="올해 공공근로", capacity=10)
    factories.ProgramFactory(name="작년 사업", year=timezone.localdate().year - 1)
    factories.ProgramFactory(name="비공개 사업", is_published=False)
    for status in ["selected", "active", "completed", "eligible"]:
        factories.ProgramApplicationFactory(program=program, status=status)
    page = client.get("/programs/").content.decode()
    assert "올해 공공근로" in page
    assert "정원 10명, 남은 자리 7명" in page
    assert "작년 사업" not in page and "비공개 사업" not in page


def test_eligibility_check_explains_which_rule_passed_and_which_failed(client):
    program = factories.ProgramFactory()
    resident = factories.ResidentFactory(with_user=True, dong=None, outside_region="광명시")
    client.force_login(resident.user)
    page = client.get(f"/programs/{program.pk}/").content.decode()
    assert "충족하지 못한 조건이 있습니다." in page
    assert "구로구 주민만 신청할 수 있습니다." in page
    assert "나이 조건(만 18세 이상)을 충족합니다." in page


def test_a_resident_applies_sees_the_status_and_withdraws(client, resident_user):
    program = factories.ProgramFactory()
    client.force_login(resident_user)
    client.post(f"/programs/{program.pk}/apply/")
    application = ProgramApplication.objects.get(program=program)
    assert application.status == "eligible"
    assert "자격 충족" in client.get(f"/programs/{program.pk}/").content.decode()
    client.post(f"/programs/{program.pk}/withdraw/")
    application.refresh_from_db()
    assert application.status == "withdrawn"


def test_applying_twice_shows_a_korean_message_and_changes_nothing(client, resident_user):
    program = factories.ProgramFactory()
    client.force_login(resident_user)
    client.post(f"/programs/{program.pk}/apply/")
    response = client.post(f"/programs/{program.pk}/apply/", follow=True)
    assert "이미 이 사업에 신청했습니다." in response.content.decode()
    assert ProgramApplication.objects.count() == 1


def test_anonymous_visitors_are_invited_to_log_in_for_the_check(client):
    program = factories.ProgramFactory()
    page = client.get(f"/programs/{program.pk}/").content.decode()
    assert "로그인하면 내 정보로 신청 자격을 바로 확인할 수 있습니다." in page


def test_years_are_written_the_korean_way_without_a_thousands_separator(client):
    factories.ProgramFactory()
    year = timezone.localdate().year
    page = client.get("/programs/").content.decode()
    assert f"{year}년" in page and f"{year:,}" not in page
    assert f"{year}년 일자리 실적" in client.get("/").content.decode()
