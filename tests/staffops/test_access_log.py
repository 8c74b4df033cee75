"""The personal-data access log: every view/change of a resident is logged, nobody can alter it."""

import datetime

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from accounts.services import create_user_with_role
from audit.models import PersonalDataAccess
from audit.services import log_access
from tests import factories

pytestmark = pytest.mark.django_db
Action = PersonalDataAccess.Action


@pytest.fixture
def supervisor(db):
    return create_user_with_role(
        username="privacy@guro.go.kr", password=factories.PASSWORD, role=roles.PRIVACY_SUPERVISOR
    )


def test_viewing_a_resident_in_the_admin_writes_one_entry(client, staff_user):
    resident = factories.ResidentFactory()
    client.force_login(staff_user)
    response = client.get(
        reverse("admin:residents_resident_change", args=[resident.pk]), REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 200
    entry = PersonalDataAccess.objects.get()
    assert entry.account == staff_user
    assert entry.account_label == staff_user.username
    assert entry.resident_id == resident.pk
    assert entry.resident_label == str(resident)
    assert entry.action == Action.VIEW
    assert entry.ip_address == "10.1.2.3"
    assert entry.occurred_at is not None


def admin_form_data(response):
    """The POST data of an admin change page as the browser would send it back."""
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None:
            continue
        widget = getattr(field.widget, "widget", field.widget)  # unwrap the admin's related-field wrapper
        if hasattr(widget, "widgets"):  # split date and time
            for index, part in enumerate(widget.decompress(value)):
                data[f"{name}_{index}"] = part.isoformat() if part else ""
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        else:
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
        for index, inline_form in enumerate(inline.formset.forms):
            for name in inline_form.fields:
                value = inline_form[name].value()
                if value is not None:
                    data[f"{inline.formset.prefix}-{index}-{name}"] = value
    return data


def test_changing_a_resident_in_the_admin_is_logged_as_a_change(client, staff_user):
    resident = factories.ResidentFactory()
    client.force_login(staff_user)
    url = reverse("admin:residents_resident_change", args=[resident.pk])
    data = admin_form_data(client.get(url))
    data["phone"] = "010-9999-8888"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = PersonalDataAccess.objects.get(action=Action.CHANGE)
    assert entry.resident_id == resident.pk
    assert "phone" in entry.detail


def test_listing_residents_is_logged_with_the_row_count(client, staff_user):
    factories.ResidentFactory.create_batch(3)
    client.force_login(staff_user)
    assert client.get(reverse("admin:residents_resident_changelist")).status_code == 200
    entry = PersonalDataAccess.objects.get()
    assert entry.row_count == 3
    assert entry.resident is None


def test_deleting_a_resident_in_the_admin_is_logged_and_the_entry_outlives_the_record(client, staff_user):
    resident = factories.ResidentFactory()
    label, pk = str(resident), resident.pk
    client.force_login(staff_user)
    url = reverse("admin:residents_resident_delete", args=[resident.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    entry = PersonalDataAccess.objects.get(action=Action.DELETE)
    assert entry.resident_id == pk
    assert entry.resident_label == label


@pytest.mark.parametrize("user_fixture", ["staff_user", "supervisor"])
def test_nobody_can_add_change_or_delete_entries_in_the_admin(client, request, user_fixture):
    user = request.getfixturevalue(user_fixture)
    entry = log_access(action=Action.VIEW, account=user, resident=factories.ResidentFactory())
    client.force_login(user)
    assert client.get(reverse("admin:audit_personaldataaccess_add")).status_code == 403
    assert client.post(reverse("admin:audit_personaldataaccess_delete", args=[entry.pk])).status_code == 403
    client.post(reverse("admin:audit_personaldataaccess_change", args=[entry.pk]), {"detail": "고침"})
    assert PersonalDataAccess.objects.filter(pk=entry.pk, detail="").exists()


def test_even_a_superuser_cannot_delete_entries(client, admin_user):
    entry = log_access(action=Action.VIEW, account=admin_user)
    client.force_login(admin_user)
    assert client.post(reverse("admin:audit_personaldataaccess_delete", args=[entry.pk])).status_code == 403
    assert PersonalDataAccess.objects.filter(pk=entry.pk).exists()


def test_staff_cannot_read_the_log_but_the_privacy_supervisor_can(client, staff_user, supervisor):
    log_access(action=Action.VIEW, account=staff_user, resident=factories.ResidentFactory(name="홍길동"))
    url = reverse("admin:audit_personaldataaccess_changelist")
    client.force_login(staff_user)
    assert client.get(url).status_code == 403
    client.force_login(supervisor)
    response = client.get(url, {"q": "홍길동"})
    assert response.status_code == 200
    assert "홍길동" in response.content.decode()


def test_monthly_review_lists_accounts_with_exports_or_many_views(client, supervisor, settings):
    settings.AUDIT_MANY_VIEWS_THRESHOLD = 2
    busy = factories.staff_user("busy@guro.go.kr")
    quiet = factories.staff_user("quiet@guro.go.kr")
    exporter = factories.staff_user("exporter@guro.go.kr")
    for resident in factories.ResidentFactory.create_batch(2):
        log_access(action=Action.VIEW, account=busy, resident=resident)
    log_access(action=Action.VIEW, account=quiet, resident=factories.ResidentFactory())
    log_access(action=Action.EXPORT, account=exporter, detail="월간 실적 보고", row_count=120)
    client.force_login(supervisor)
    today = timezone.localdate()
    page = client.get(reverse("admin:audit_monthly_review"), {"month": f"{today:%Y-%m}"}).content.decode()
    assert "busy@guro.go.kr" in page
    assert "exporter@guro.go.kr" in page
    assert "월간 실적 보고" in page
    assert "quiet@guro.go.kr" not in page
    last_year = today - datetime.timedelta(days=400)
    page = client.get(reverse("admin:audit_monthly_review"), {"month": f"{last_year:%Y-%m}"})
    assert "busy@guro.go.kr" not in page.content.decode()


@pytest.mark.services
def test_the_database_refuses_to_update_or_delete_entries_on_postgresql():
    entry = log_access(action=Action.VIEW, account=None)
    assert connection.vendor == "postgresql"
    with pytest.raises(DatabaseError), transaction.atomic():
        PersonalDataAccess.objects.filter(pk=entry.pk).update(detail="고침")
    with pytest.raises(DatabaseError), transaction.atomic():
        PersonalDataAccess.objects.filter(pk=entry.pk).delete()
    assert PersonalDataAccess.objects.filter(pk=entry.pk, detail="").exists()


def test_printing_a_resident_card_is_logged(client, staff_user):
    resident = factories.ResidentFactory(name="인쇄대상")
    client.force_login(staff_user)
    response = client.get(reverse("admin:residents_resident_print", args=[resident.pk]))
    assert response.status_code == 200
    assert "인쇄대상" in response.content.decode()
    entry = PersonalDataAccess.objects.get(action=Action.PRINT)
    assert entry.resident_id == resident.pk
    assert entry.account == staff_user


def test_opening_an_application_or_placement_is_logged_against_its_resident(client, staff_user):
    placement = factories.PlacementFactory()
    application = factories.JobApplicationFactory()
    client.force_login(staff_user)
    assert client.get(reverse("admin:placements_placement_change", args=[placement.pk])).status_code == 200
    assert client.get(reverse("admin:placements_jobapplication_change", args=[application.pk])).status_code == 200
    logged = set(PersonalDataAccess.objects.values_list("resident_id", flat=True))
    assert logged == {placement.resident_id, application.resident_id}
