"""Login lockout counts the account, whatever spelling of the email or phone is typed, and the
client address; on the portal's login and the admin's alike."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

PORTAL_LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"
PHONE_SPELLINGS = ["010-8249-5036", "01082495036", "010 8249 5036", "+82 10-8249-5036", "010.8249.5036"]


@pytest.fixture
def throttling(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.LOGIN_IP_FAILURE_LIMIT = 20


@pytest.fixture
def resident(db):
    resident = factories.ResidentFactory(email="resident@example.kr", phone="010-8249-5036", with_user=True)
    return resident.user


def portal_login(client, username, password, address="192.0.2.10"):
    return client.post(PORTAL_LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def admin_login(client, username, password, address="192.0.2.10"):
    data = {"username": username, "password": password, "next": "/admin/"}
    return client.post(ADMIN_LOGIN, data, REMOTE_ADDR=address)


def test_a_locked_email_stays_locked_in_any_letter_case(client, throttling, resident):
    for _ in range(5):
        portal_login(client, "resident@example.kr", "wrong-password")
    for spelling in ["Resident@Example.KR", "RESIDENT@EXAMPLE.KR", " resident@example.kr "]:
        response = portal_login(client, spelling, factories.PASSWORD)
        assert response.status_code == 429, spelling
    assert "_auth_user_id" not in client.session


def test_failures_in_different_spellings_of_one_phone_add_up_to_one_lockout(client, throttling, resident):
    for spelling in PHONE_SPELLINGS:
        assert portal_login(client, spelling, "wrong-password").status_code in {200, 429}
    for spelling in PHONE_SPELLINGS:
        assert portal_login(client, spelling, factories.PASSWORD).status_code == 429, spelling
    # The account is locked, so its email is refused as well.
    assert portal_login(client, "resident@example.kr", factories.PASSWORD).status_code == 429


def test_a_locked_account_is_locked_from_every_address(client, throttling, resident):
    for n in range(5):
        portal_login(client, "resident@example.kr", "wrong-password", address=f"198.51.100.{n}")
    response = portal_login(client, "Resident@Example.KR", factories.PASSWORD, address="203.0.113.99")
    assert response.status_code == 429


def test_failures_on_the_portal_and_the_admin_count_for_the_same_staff_account(client, throttling):
    staff = factories.staff_user(username="staff@guro.go.kr")
    for _ in range(3):
        portal_login(client, "Staff@Guro.go.kr", "wrong-password")
    for _ in range(2):
        admin_login(client, "STAFF@GURO.GO.KR", "wrong-password")
    assert admin_login(client, staff.username, factories.PASSWORD).status_code == 429
    assert portal_login(client, staff.username, factories.PASSWORD).status_code == 429


def test_an_unknown_identity_is_counted_in_its_normal_form(client, throttling):
    for spelling in ["Nobody@Example.KR", "nobody@example.kr", "NOBODY@example.kr", "nobody@EXAMPLE.kr"]:
        portal_login(client, spelling, "wrong-password")
    from axes.models import AccessAttempt

    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"nobody@example.kr"}


def test_one_address_trying_many_accounts_is_locked_after_the_address_limit(client, throttling, resident):
    for n in range(20):
        portal_login(client, f"guess{n}@example.kr", "wrong-password", address="192.0.2.66")
    assert (
        portal_login(client, "resident@example.kr", factories.PASSWORD, address="192.0.2.66").status_code
        == 429
    )
    assert (
        portal_login(client, "resident@example.kr", factories.PASSWORD, address="192.0.2.67").status_code
        == 302
    )


def test_a_lockout_of_one_account_does_not_stop_others_behind_the_same_address(client, throttling, resident):
    for _ in range(5):
        portal_login(client, "resident@example.kr", "wrong-password")
    other = factories.ResidentFactory(with_user=True).user
    assert portal_login(client, other.username, factories.PASSWORD).status_code == 302


def test_signing_in_to_another_account_does_not_reset_a_locked_accounts_count(client, throttling, resident):
    other = factories.ResidentFactory(with_user=True).user
    for _ in range(4):
        portal_login(client, "resident@example.kr", "wrong-password")
    assert portal_login(client, other.username, factories.PASSWORD).status_code == 302
    client.logout()
    portal_login(client, "resident@example.kr", "wrong-password")
    assert portal_login(client, "resident@example.kr", factories.PASSWORD).status_code == 429
