"""A retention check recorded before its due window is refused (RETENTION_CHECK_EARLY_DAYS, 7);
overdue checks come first in the admin list and on the admin index, the staff's home."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from placements.models import RetentionCheck
from placements.services import create_retention_checks, record_retention_check
from tests import factories

pytestmark = pytest.mark.django_db


def checks_of(started_on, **placement):
    placement = factories.PlacementFactory(started_on=started_on, **placement)
    create_retention_checks(placement=placement)
    return {check.months_after_start: check for check in placement.retention_checks.all()}


def test_a_one_month_check_on_the_day_of_hire_is_refused_in_korean(staff_user, settings):
    settings.RETENTION_CHECK_EARLY_DAYS = 7
    today = timezone.localdate()
    check = checks_of(today)[1]
    with pytest.raises(ValidationError) as refused:
        record_retention_check(check=check, still_employed=True, by=staff_user)
    message = " ".join(refused.value.messages)
    assert "1개월 고용 유지 확인은 확인 예정일" in message and "7일 전인" in message
    check.refresh_from_db()
    assert (check.checked_on, check.still_employed) == (None, None)


def test_the_window_opens_the_set_number_of_days_before_the_due_date(staff_user, settings):
    settings.RETENTION_CHECK_EARLY_DAYS = 7
    check = checks_of(datetime.date(2026, 1, 10))[3]  # due 2026-04-10
    with pytest.raises(ValidationError):
        record_retention_check(
            check=check, still_employed=True, by=staff_user, checked_on=datetime.date(2026, 4, 2)
        )
    recorded = record_retention_check(
        check=check, still_employed=True, by=staff_user, checked_on=datetime.date(2026, 4, 3)
    )
    assert recorded.checked_on == datetime.date(2026, 4, 3)
    settings.RETENTION_CHECK_EARLY_DAYS = 40
    six = checks_of(datetime.date(2026, 1, 10))[6]  # due 2026-07-10
    assert (
        record_retention_check(
            check=six, still_employed=False, by=staff_user, checked_on=datetime.date(2026, 6, 1)
        ).still_employed
        is False
    )


def test_the_admin_action_refuses_an_early_check_with_the_message_and_records_the_rest(client, staff_user):
    today = timezone.localdate()
    early = checks_of(today)[1]
    due = checks_of(today - datetime.timedelta(days=40))[1]
    client.force_login(staff_user)
    url = reverse("admin:placements_retentioncheck_changelist")
    response = client.post(
        url, {"action": "mark_still_employed", "_selected_action": [early.pk, due.pk]}, follow=True
    )
    page = response.content.decode()
    assert "확인 예정일" in page and "부터 기록할 수 있습니다" in page
    assert "1건을 기록했습니다" in page
    assert RetentionCheck.objects.get(pk=early.pk).checked_on is None
    assert RetentionCheck.objects.get(pk=due.pk).still_employed is True


def test_the_api_refuses_an_early_check_on_the_field(staff_user):
    check = checks_of(timezone.localdate())[12]
    api = APIClient()
    api.force_authenticate(staff_user)
    response = api.patch(
        f"/api/v1/retention-checks/{check.pk}/",
        {"checked_on": timezone.localdate().isoformat(), "still_employed": True},
        format="json",
    )
    assert response.status_code == 400
    assert "부터 기록할 수 있습니다" in str(response.json())


def test_overdue_checks_come_first_in_the_admin_list(client, staff_user):
    today = timezone.localdate()
    old = checks_of(today - datetime.timedelta(days=800), resident=factories.ResidentFactory(name="확인끝"))
    for check in old.values():
        record_retention_check(check=check, still_employed=True, by=staff_user, checked_on=check.due_on)
    overdue = checks_of(
        today - datetime.timedelta(days=45), resident=factories.ResidentFactory(name="기한지남")
    )
    client.force_login(staff_user)
    page = client.get(reverse("admin:placements_retentioncheck_changelist")).content.decode()
    assert page.index("기한지남") < page.index("확인끝")
    assert overdue[1].is_overdue


def test_the_admin_index_lists_overdue_checks_for_staff(client, staff_user, manager_user):
    today = timezone.localdate()
    checks_of(today - datetime.timedelta(days=45), resident=factories.ResidentFactory(name="기한지남"))
    checks_of(today, resident=factories.ResidentFactory(name="아직멀음"))
    client.force_login(staff_user)
    page = client.get(reverse("admin:index")).content.decode()
    panel = page.split('id="overdue-retention-checks"')[1].split("</div>")[0]
    assert "기한이 지난 고용 유지 확인" in page
    assert "기한지남" in panel and "아직멀음" not in panel
    assert "?due=overdue" in panel
