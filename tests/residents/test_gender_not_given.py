"""Gender "선택 안 함" (not given): the sign-up, the profile, the model and the API agree."""

import pytest
from rest_framework.test import APIClient

from residents.forms import ResidentProfileForm, SignupForm
from residents.models import Resident
from tests import factories
from tests.portal.test_accounts import signup_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_signup_gender_select_offers_not_given_first():
    choices = list(SignupForm().fields["gender"].choices)
    assert choices[0] == ("", "선택 안 함")
    assert {"female", "male"} <= {code for code, _label in choices}


def test_signup_with_gender_not_given_succeeds_and_stores_no_gender(client):
    response = client.post("/accounts/signup/", signup_data(gender=""))
    assert response.status_code == 302, response.content.decode()
    resident = Resident.objects.get(name="박가리")
    assert resident.gender == ""
    assert resident.get_gender_display() == ""


def test_profile_form_accepts_gender_not_given():
    resident = factories.ResidentFactory(with_user=True)
    data = {
        "name": resident.name,
        "birth_date": "1980-05-17",
        "gender": "",
        "phone": resident.phone,
        "email": resident.email,
        "dong": resident.dong_id,
        "education_level": "high_school",
        "employment_status": "unemployed",
    }
    form = ResidentProfileForm(data, instance=resident)
    assert form.is_valid(), form.errors


def test_model_full_clean_accepts_an_empty_gender():
    resident = factories.ResidentFactory(gender="")
    resident.full_clean()


def test_api_accepts_gender_not_given_from_staff():
    resident = factories.ResidentFactory()
    api = APIClient()
    api.force_authenticate(factories.staff_user())
    response = api.patch(f"/api/v1/residents/{resident.pk}/", {"gender": ""}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["gender"] == ""
    resident.refresh_from_db()
    assert resident.gender == ""
