"""The personal data download (JSON and CSV): labels instead of codes, words for yes/no, Korea
Standard Time as the pages write it, English in English mode, and every record the portal keeps
about the person (PIPA right of access), with formula-looking text neutralised in the CSV."""

import csv
import datetime
import io
import json

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from alerts.models import SavedSearch
from audit.models import PersonalDataAccess
from placements.models import RetentionCheck
from placements.services import create_retention_checks, record_retention_check
from residents.data_export import SECTIONS, resident_data_export
from residents.models import ConsentRecord, Resident
from tests import factories

pytestmark = pytest.mark.django_db

# 2026-11-30 02:55:01 UTC is 11:55:01 in Seoul.
STAMP = datetime.datetime(2026, 11, 30, 2, 55, 1, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def person(db):
    resident = factories.ResidentFactory(
        with_user=True, name="최다운", desired_employment_types=["full_time"], career_summary="=HYPERLINK(1)"
    )
    Resident.objects.filter(pk=resident.pk).update(created_at=STAMP)
    ConsentRecord.objects.create(
        resident=resident, kind="collection", granted=True, text_version="2026-11", recorded_at=STAMP
    )
    vacancy = factories.VacancyFactory(title="조리사")
    application = factories.JobApplicationFactory(resident=resident, vacancy=vacancy, created_at=STAMP)
    application.events.create(status="applied", occurred_at=STAMP)
    placement = factories.PlacementFactory(
        resident=resident, employer=vacancy.employer, started_on=datetime.date(2025, 1, 6)
    )
    create_retention_checks(placement=placement)
    one_month = placement.retention_checks.get(months_after_start=1)
    staff = factories.staff_user()
    record_retention_check(check=one_month, still_employed=True, by=staff, checked_on=one_month.due_on)
    SavedSearch.objects.create(resident=resident, query="q=조리")
    PersonalDataAccess.objects.create(
        account=staff, account_label=staff.username, resident=resident, action="view", target="구직자 상세"
    )
    return resident


def download(client, person, fmt):
    client.force_login(person.user)
    return client.get(f"/me/data.{fmt}")


def test_json_shows_labels_words_and_korea_standard_time_not_codes_or_utc(client, person):
    data = json.loads(download(client, person, "json").content)
    profile = data["profile"]
    assert profile["성별"] == "여성"
    assert profile["희망 고용 형태"] == ["정규직"]
    assert profile["등록 일시"] == "2026년 11월 30일 11:55:01"
    application = data["job_applications"][0]
    assert application["상태"] == "지원"
    assert application["지원 일시"] == "2026년 11월 30일 11:55:01"
    assert application["처리 이력"][0]["일시"] == "2026년 11월 30일 11:55:01"
    assert data["consents"][0]["동의 여부"] == "예"
    assert data["placements"][0]["채용 당시 구로구 주민"] == "예"
    text = json.dumps(data, ensure_ascii=False)
    for leak in ["full_time", "+00:00", '"True"', "true", "false", "high_school", "unemployed"]:
        assert leak not in text, leak


def test_json_holds_the_retention_checks_saved_searches_and_access_log(client, person):
    data = json.loads(download(client, person, "json").content)
    checks = data["retention_checks"]
    assert len(checks) == RetentionCheck.objects.filter(placement__resident=person).count() == 4
    done = next(check for check in checks if check["시점"] == "1개월")
    assert done["고용 유지"] == "예" and done["확인일"] == "2025년 2월 6일"
    assert data["saved_searches"][0]["검색 조건"] == "q=조리"
    assert data["access_log"][0]["수행 업무"] == "조회"
    assert "staff@guro.go.kr" not in json.dumps(data, ensure_ascii=False)  # staff's own data left out
    assert data["account"]["로그인 아이디"] == person.user.username


def test_csv_has_the_same_records_and_neutralises_formula_cells(client, person):
    text = download(client, person, "csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["구분", "항목", "값"]
    assert ["기본 정보", "이름", "최다운"] in rows
    assert ["기본 정보", "성별", "여성"] in rows
    assert ["기본 정보", "경력 요약", "'=HYPERLINK(1)"] in rows
    sections = {row[0] for row in rows[1:]}
    assert {"고용 유지 확인 1", "맞춤 채용 알림 1", "개인정보 접속 기록 1", "채용 지원 1"} <= sections
    assert "full_time" not in text and "+00:00" not in text and "True" not in text


def test_english_mode_gives_english_labels_words_and_dates(person):
    with translation.override("en"):
        data = resident_data_export(person)
    assert data["profile"]["Sex"] == "Female"
    assert "Permanent" in json.dumps(data["profile"], ensure_ascii=False)  # full_time's English label
    assert data["consents"][0]["Consent given"] == "Yes"
    text = json.dumps(data, ensure_ascii=False)
    assert "Nov. 30, 2026" in text and "2026년" not in text


def test_every_model_that_refers_to_a_resident_is_in_the_download():
    """A new model holding something about a resident must be added to the download."""
    covered = {"residents.Resident"}
    about_person = {"residents.Resident"}
    changed = True
    while changed:  # models that refer to the resident, or to a record that does
        changed = False
        for model in apps.get_models():
            label = model._meta.label
            if label in about_person:
                continue
            for field in model._meta.get_fields():
                if isinstance(field, models.ForeignKey | models.OneToOneField) and not field.auto_created:
                    if field.related_model._meta.label in about_person - {"employers.Vacancy"}:
                        about_person.add(label)
                        changed = True
                        break
    # Placement links (M2M through tables) are part of the placement's record.
    about_person = {label for label in about_person if not label.startswith("placements.Placement_")}
    missing = about_person - set(SECTIONS) - covered
    assert not missing, f"not in the personal data download: {sorted(missing)}"
