"""Sign-up tells whether an email or phone already has an account, so it is limited per client
address (shared cache), with a Korean page; other addresses are not affected."""

import pytest
from django.core.cache import cache

from residents.models import Resident
from tests import factories
from tests.portal.test_accounts import signup_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def signup_limit(settings):
    settings.SIGNUP_RATE_LIMIT = "3/hour"
    cache.clear()
    yield
    cache.clear()


def sign_up(client, address, **fields):
    return client.post("/accounts/signup/", signup_data(**fields), REMOTE_ADDR=address)


def test_one_address_can_check_only_so_many_emails_through_sign_up(client, signup_limit):
    factories.ResidentFactory(with_user=True, email="taken@example.kr")
    for n in range(3):
        response = sign_up(client, "198.51.100.7", email="taken@example.kr", phone=f"0105555{n:04d}")
        assert "이미 가입된 이메일입니다" in response.content.decode()
    refused = sign_up(client, "198.51.100.7", email="taken@example.kr", phone="01055550009")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "회원가입 시도가 너무 많아" in page
    assert "이미 가입된" not in page  # the refused attempt says nothing about the account


def test_the_limit_is_per_client_address(client, signup_limit):
    for n in range(4):
        sign_up(client, "198.51.100.7", email=f"x{n}@example.kr", password2="mismatch")
    response = sign_up(client, "203.0.113.20")
    assert response.status_code == 302
    assert Resident.objects.filter(email="garibong@example.kr").exists()


def test_showing_the_empty_form_is_not_counted(client, signup_limit):
    for _ in range(10):
        assert client.get("/accounts/signup/", REMOTE_ADDR="198.51.100.8").status_code == 200
    assert sign_up(client, "198.51.100.8").status_code == 302
