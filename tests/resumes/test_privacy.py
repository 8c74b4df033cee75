"""Resumes and PIPA: in the resident's own download, and gone when the resident is anonymised."""

import json

import pytest

from placements.models import ApplicantNote, ApplicationResume
from placements.services import add_applicant_note, apply_to_vacancy
from residents.services import anonymise_resident
from resumes import services
from resumes.models import Resume
from tests import factories
from tests.resumes.conftest import PDF_BYTES, day, make_resume, upload

pytestmark = pytest.mark.django_db


def test_my_data_download_holds_my_resumes_and_what_i_sent(client):
    resident = factories.ResidentFactory(with_user=True)
    resume = make_resume(
        resident, title="다운로드용 이력서", careers=[("구로전자", day("2020-01-01"), day("2021-01-31"))]
    )
    apply_to_vacancy(resident=resident, vacancy=factories.VacancyFactory(), resume=resume)
    client.force_login(resident.user)
    data = json.dumps(json.loads(client.get("/me/data.json").content), ensure_ascii=False)
    assert "다운로드용 이력서" in data and "구로전자" in data
    assert "지원 이력서" in data


def test_anonymising_a_resident_removes_resumes_snapshots_notes_and_files(
    private_uploads, django_capture_on_commit_callbacks
):
    employer_user = factories.employer_user()
    resident = factories.ResidentFactory(with_user=True)
    resume = make_resume(resident)
    services.attach_file(resume=resume, file=upload(PDF_BYTES, "cv.pdf"))
    application = apply_to_vacancy(
        resident=resident, vacancy=factories.VacancyFactory(employer=employer_user.employer), resume=resume
    )
    add_applicant_note(application=application, by=employer_user, body="성실해 보임")
    with django_capture_on_commit_callbacks(execute=True):
        anonymise_resident(resident=resident)
    assert not Resume.objects.filter(resident=resident).exists()
    assert not ApplicationResume.objects.filter(application__resident=resident).exists()
    assert not ApplicantNote.objects.exists()
    assert not any(path.is_file() for path in private_uploads.rglob("*"))
