"""Applying with a resume: the application keeps a snapshot, unchanged by later edits or deletion."""

import pytest
from django.core.exceptions import ValidationError

from placements.models import ApplicationResume
from placements.services import apply_to_vacancy
from resumes import services
from resumes.models import Resume
from tests import factories
from tests.resumes.conftest import PDF_BYTES, day, make_resume, upload

pytestmark = pytest.mark.django_db


def test_a_snapshot_does_not_change_when_the_resume_is_edited(private_uploads):
    resident = factories.ResidentFactory()
    resume = make_resume(
        resident, title="처음 이력서", careers=[("구로전자", day("2020-01-01"), day("2021-12-31"))]
    )
    resume.motivation = "성실히 일하겠습니다."
    services.save_resume(resume=resume)
    services.attach_file(resume=resume, file=upload(PDF_BYTES, "cv.pdf"))
    application = apply_to_vacancy(resident=resident, vacancy=factories.VacancyFactory(), resume=resume)

    resume.title = "고친 이력서"
    resume.motivation = "다른 내용"
    services.save_resume(resume=resume)
    resume.careers.all().delete()
    services.attach_file(resume=resume, file=upload(PDF_BYTES + b"% changed", "new.pdf"))

    snapshot = ApplicationResume.objects.get(application=application)
    assert snapshot.content["title"] == "처음 이력서"
    assert snapshot.content["motivation"] == "성실히 일하겠습니다."
    assert snapshot.content["careers"][0]["employer_name"] == "구로전자"
    assert snapshot.content["career_months"] == 24
    assert (private_uploads / snapshot.file_path).read_bytes() == PDF_BYTES


def test_a_snapshot_and_its_file_outlive_the_deleted_resume(
    private_uploads, django_capture_on_commit_callbacks
):
    resident = factories.ResidentFactory()
    resume = make_resume(resident, title="지울 이력서")
    services.attach_file(resume=resume, file=upload(PDF_BYTES, "cv.pdf"))
    application = apply_to_vacancy(resident=resident, vacancy=factories.VacancyFactory(), resume=resume)
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_resume(resume=resume)
    snapshot = ApplicationResume.objects.get(application=application)
    assert snapshot.content["title"] == "지울 이력서"
    assert snapshot.resume is None
    assert (private_uploads / snapshot.file_path).read_bytes() == PDF_BYTES
    assert not (private_uploads / resume.file_path).exists()


def test_applying_without_a_resume_still_works_for_existing_callers():
    application = apply_to_vacancy(resident=factories.ResidentFactory(), vacancy=factories.VacancyFactory())
    assert not ApplicationResume.objects.filter(application=application).exists()


def test_a_resident_cannot_apply_with_another_residents_resume():
    other_resume = make_resume(factories.ResidentFactory())
    with pytest.raises(ValidationError):
        apply_to_vacancy(
            resident=factories.ResidentFactory(), vacancy=factories.VacancyFactory(), resume=other_resume
        )


def test_the_vacancy_page_offers_my_resumes_with_the_default_preselected_and_applies_with_the_pick(client):
    resident = factories.ResidentFactory(with_user=True)
    default = make_resume(resident, title="기본으로 둔 이력서")
    other = make_resume(resident, title="사무직용 이력서")
    vacancy = factories.VacancyFactory()
    client.force_login(resident.user)
    page = client.get(f"/vacancies/{vacancy.pk}/").content.decode()
    assert f'<option value="{default.pk}" selected>기본으로 둔 이력서' in page
    assert "사무직용 이력서" in page
    response = client.post(f"/vacancies/{vacancy.pk}/apply/", {"resume": other.pk})
    assert response.status_code == 302
    assert ApplicationResume.objects.get(application__vacancy=vacancy).content["title"] == "사무직용 이력서"


def test_posting_someone_elses_resume_id_on_the_vacancy_page_applies_nothing(client):
    resident = factories.ResidentFactory(with_user=True)
    other_resume = make_resume(factories.ResidentFactory())
    vacancy = factories.VacancyFactory()
    client.force_login(resident.user)
    response = client.post(f"/vacancies/{vacancy.pk}/apply/", {"resume": other_resume.pk}, follow=True)
    assert "고른 이력서를 찾을 수 없습니다." in response.content.decode()
    assert not resident.job_applications.exists()


def test_a_resume_numbered_past_a_thousand_is_offered_and_applied_with_by_its_plain_number(client):
    """Numbers are drawn with thousands separators (1,234); an id in a form value must not be."""
    resident = factories.ResidentFactory(with_user=True)
    resume = services.save_resume(resume=Resume(pk=12345, resident=resident, title="번호가 큰 이력서"))
    vacancy = factories.VacancyFactory()
    client.force_login(resident.user)
    page = client.get(f"/vacancies/{vacancy.pk}/").content.decode()
    assert '<option value="12345" selected>번호가 큰 이력서' in page
    response = client.post(f"/vacancies/{vacancy.pk}/apply/", {"resume": "12345"})
    assert response.status_code == 302
    assert ApplicationResume.objects.get(application__vacancy=vacancy).resume_id == resume.pk
