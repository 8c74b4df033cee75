"""District staff run everything in the admin; managers read; residents and employers stay out."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

# Login lockouts (axes) and TOTP devices (otp_totp) are superuser tools (docs/DEPLOY.md).
SUPERUSER_ONLY_APPS = {"axes", "otp_totp"}
REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label not in SUPERUSER_ONLY_APPS
)
# Only the privacy supervisor reads the access log (tests/staffops/test_access_log.py).
SUPERVISOR_ONLY = {("audit", "personaldataaccess")}
PROGRAM_MODELS = [
    key
    for key in REGISTERED
    if key[0] in {"references", "residents", "programs", "employers", "placements", "reports"}
]


@pytest.fixture
def some_records(db):
    resident = factories.ResidentFactory()
    vacancy = factories.VacancyFactory()
    factories.JobApplicationFactory(resident=resident, vacancy=vacancy)
    factories.PlacementFactory(resident=resident, employer=vacancy.employer)


@pytest.mark.parametrize(("app_label", "model_name"), sorted(set(REGISTERED) - SUPERVISOR_ONLY))
def test_staff_can_open_every_changelist_and_add_page(
    client, staff_user, some_records, app_label, model_name
):
    client.force_login(staff_user)
    changelist = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    assert changelist.status_code == 200
    add = client.get(reverse(f"admin:{app_label}_{model_name}_add"))
    # Append-only records (consents, snapshots) have no add page for anyone.
    assert add.status_code in {200, 403}


@pytest.mark.parametrize(("app_label", "model_name"), PROGRAM_MODELS)
def test_manager_can_view_but_not_add(client, manager_user, some_records, app_label, model_name):
    client.force_login(manager_user)
    assert client.get(reverse(f"admin:{app_label}_{model_name}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:{app_label}_{model_name}_add")).status_code == 403


@pytest.mark.parametrize("role_fixture", ["resident_user", "employer_user"])
@pytest.mark.parametrize(("app_label", "model_name"), REGISTERED)
def test_residents_and_employers_are_kept_out_of_the_admin(
    client, request, role_fixture, app_label, model_name
):
    client.force_login(request.getfixturevalue(role_fixture))
    for view in ("changelist", "add"):
        response = client.get(reverse(f"admin:{app_label}_{model_name}_{view}"))
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_admin_speaks_korean(client, staff_user):
    client.force_login(staff_user)
    page = client.get(reverse("admin:index")).content.decode()
    assert "구로구 일자리 원스톱 포털" in page
    assert "구직자" in page
    assert "채용 공고" in page


def test_staff_see_a_residents_applications_inline(client, staff_user):
    application = factories.JobApplicationFactory()
    client.force_login(staff_user)
    page = client.get(reverse("admin:residents_resident_change", args=[application.resident.pk]))
    assert page.status_code == 200
    assert application.vacancy.title in page.content.decode()
