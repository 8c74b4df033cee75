"""Sign-up with the PIPA consent screen, login by email or phone, Korean errors that keep input."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from accounts import roles
from accounts.models import User
from residents.models import ConsentRecord, Resident
from tests import factories

pytestmark = pytest.mark.django_db


def signup_data(**overrides):
    data = {
        "name": "박가리",
        "birth_date": "1990-03-15",
        "gender": "female",
        "phone": "01055556666",
        "email": "garibong@example.kr",
        "dong": factories.dong("가리봉동").pk,
        "outside_region": "",
        "education_level": "high_school",
        "employment_status": "unemployed",
        "password1": "guro-jobs-2026",
        "password2": "guro-jobs-2026",
        "consent_collection": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_signup_page_shows_the_pipa_consent_screen(client):
    page = client.get("/accounts/signup/").content.decode()
    for text in ["수집·이용 목적", "수집 항목", "보유·이용 기간", "동의를 거부할 권리", "[필수]", "[선택]"]:
        assert text in page
    assert "주민등록번호는 수집하지 않습니다" in page


def test_signup_creates_a_resident_with_both_consents_recorded_and_logs_in(client):
    response = client.post("/accounts/signup/", signup_data(consent_provision="on"))
    assert response.status_code == 302
    resident = Resident.objects.get(name="박가리")
    assert resident.phone == "010-5555-6666"
    assert resident.user.username == "garibong@example.kr"
    assert resident.user.has_role(roles.RESIDENT)
    assert resident.provision_consented_at is not None
    assert resident.consent_version == settings.CONSENT_TEXT_VERSION
    records = {r.kind: r for r in ConsentRecord.objects.filter(resident=resident)}
    assert records["collection"].granted and records["provision"].granted
    assert {r.text_version for r in records.values()} == {settings.CONSENT_TEXT_VERSION}
    assert client.get("/me/").status_code == 200


def test_provision_consent_is_optional_and_recorded_as_refused(client):
    client.post("/accounts/signup/", signup_data())
    resident = Resident.objects.get(name="박가리")
    assert resident.provision_consented_at is None
    assert ConsentRecord.objects.get(resident=resident, kind="provision").granted is False


def test_signup_without_collection_consent_is_refused_and_saves_nothing(client):
    response = client.post("/accounts/signup/", signup_data(consent_collection=None))
    assert response.status_code == 200
    page = response.content.decode()
    assert "개인정보 수집·이용에 동의해야 회원가입을 할 수 있습니다." in page
    assert 'value="박가리"' in page  # what the person typed is kept
    assert not Resident.objects.exists()
    assert not User.objects.filter(email="garibong@example.kr").exists()


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("abcdefghij1", True),
        ("abc12!xy", True),
        ("abcdefgh1", False),
        ("abcd12!", False),
        ("abcdefghijkl", False),
    ],
)
def test_passwords_follow_the_pipa_rule(client, password, accepted):
    response = client.post("/accounts/signup/", signup_data(password1=password, password2=password))
    assert Resident.objects.exists() is accepted
    if not accepted:
        assert "두 종류 이상을 섞어 10자 이상" in response.content.decode()


def test_each_bad_field_gets_its_own_korean_error_and_a_summary(client):
    response = client.post(
        "/accounts/signup/",
        signup_data(
            phone="12345", birth_date="2999-01-01", dong="", outside_region="", password2="different-2026"
        ),
    )
    page = response.content.decode()
    assert 'id="error-summary"' in page
    assert "전화번호 형식이 올바르지 않습니다" in page
    assert "미래의 날짜는 입력할 수 없습니다" in page
    assert "구로구 밖에 사는 경우 거주 지역을 적어 주세요" in page
    assert "두 비밀번호가 서로 다릅니다" in page
    assert 'aria-invalid="true"' in page
    assert 'value="12345"' in page
    assert not Resident.objects.exists()


def test_the_same_phone_cannot_sign_up_twice(client):
    factories.ResidentFactory(with_user=True, phone="010-5555-6666")
    response = client.post("/accounts/signup/", signup_data())
    assert "이미 가입된 휴대전화 번호입니다" in response.content.decode()
    assert Resident.objects.count() == 1


@pytest.mark.parametrize(
    "login", ["garibong@example.kr", "GARIBONG@example.kr", "010-5555-6666", "01055556666"]
)
def test_residents_log_in_with_email_or_mobile_number(client, login):
    client.post("/accounts/signup/", signup_data())
    client.logout()
    response = client.post("/accounts/login/", {"username": login, "password": "guro-jobs-2026"})
    assert response.status_code == 302
    assert client.get("/me/").status_code == 200


def test_a_resident_without_email_logs_in_with_the_phone_number(client):
    client.post("/accounts/signup/", signup_data(email=""))
    assert Resident.objects.get().user.username == "010-5555-6666"
    client.logout()
    assert (
        client.post(
            "/accounts/login/", {"username": "010 5555 6666", "password": "guro-jobs-2026"}
        ).status_code
        == 302
    )


def test_a_wrong_password_is_refused_in_korean(client):
    client.post("/accounts/signup/", signup_data())
    client.logout()
    response = client.post(
        "/accounts/login/", {"username": "garibong@example.kr", "password": "wrong-password-1"}
    )
    assert response.status_code == 200
    assert "비밀번호가 맞지 않습니다" in response.content.decode()


def test_logout_is_a_post(client, resident_user):
    client.force_login(resident_user)
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/me/").status_code == 302


def test_logging_in_restarts_the_residents_retention_period(client):
    client.post("/accounts/signup/", signup_data())
    client.logout()
    long_ago = timezone.now() - datetime.timedelta(days=800)
    Resident.objects.update(last_active_at=long_ago)
    client.post("/accounts/login/", {"username": "garibong@example.kr", "password": "guro-jobs-2026"})
    assert Resident.objects.get().last_active_at > timezone.now() - datetime.timedelta(minutes=1)
