"""Residents who asked to be deleted, or inactive past the retention period, are anonymised;
the placement statistics keep their counts."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.db.models import Count
from django.utils import timezone

from guro_jobs.celery import app
from placements.models import Placement
from residents.models import ConsentRecord, Resident, ResidentPriorityGroup
from residents.services import ANONYMOUS_NAME, anonymise_resident
from residents.tasks import anonymise_expired_residents
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed_resident():
    resident = factories.ResidentFactory(
        with_user=True, name="김구로", birth_date=datetime.date(1975, 8, 23), career_summary="구로 공장 10년"
    )
    ResidentPriorityGroup.objects.create(
        resident=resident, priority_group=factories.priority_group("single_parent")
    )
    resident.desired_occupations.add(factories.occupation())
    ConsentRecord.objects.create(
        resident=resident, kind="collection", granted=True, text_version="2026-11", ip_address="192.0.2.10"
    )
    placement = factories.PlacementFactory(resident=resident)
    placement.priority_groups.add(factories.priority_group("single_parent"))
    factories.PlacementFactory(resident=resident, sector="public", started_on=datetime.date(2012, 3, 1))
    return resident


def placement_statistics():
    return list(
        Placement.objects.values("sector", "dong_at_hire", "gender", "age_at_hire", "guro_resident_at_hire")
        .annotate(count=Count("id"), priority=Count("priority_groups"))
        .order_by("sector", "age_at_hire")
    )


def test_anonymising_removes_personal_data(placed_resident):
    anonymise_resident(resident=placed_resident)
    resident = Resident.objects.get(pk=placed_resident.pk)
    assert resident.name == ANONYMOUS_NAME
    assert resident.birth_date == datetime.date(1975, 1, 1)
    assert (resident.phone, resident.email, resident.career_summary) == ("", "", "")
    assert resident.dong is None
    assert resident.provision_consented_at is None
    assert resident.anonymised_at is not None
    assert not resident.skills.exists() and not resident.desired_occupations.exists()
    assert not ResidentPriorityGroup.objects.filter(resident=resident).exists()
    consent = ConsentRecord.objects.get(resident=resident)
    assert consent.granted and consent.ip_address is None  # the record stays, its address goes


def test_anonymising_closes_the_login(placed_resident):
    user = placed_resident.user
    username = user.username
    anonymise_resident(resident=placed_resident)
    user.refresh_from_db()
    assert not user.is_active
    assert user.username != username and user.email == ""
    assert Resident.objects.get(pk=placed_resident.pk).user is None
    assert authenticate(username=username, password=factories.PASSWORD) is None


def test_placement_statistics_keep_their_counts(placed_resident):
    factories.PlacementFactory()  # someone else's
    before = placement_statistics()
    anonymise_resident(resident=placed_resident)
    assert placement_statistics() == before
    assert Placement.objects.filter(resident=placed_resident).count() == 2


def test_anonymising_twice_changes_nothing_more(placed_resident):
    first = anonymise_resident(resident=placed_resident)
    second = anonymise_resident(resident=placed_resident)
    assert second.anonymised_at == first.anonymised_at
    assert Resident.objects.get(pk=placed_resident.pk).name == ANONYMOUS_NAME


def test_the_periodic_task_anonymises_deletion_requests_and_the_long_inactive_only():
    now = timezone.now()
    asked = factories.ResidentFactory(deletion_requested_at=now)
    years = settings.RESIDENT_RETENTION_YEARS
    inactive = factories.ResidentFactory(last_active_at=now - datetime.timedelta(days=365 * years + 30))
    recent = factories.ResidentFactory(last_active_at=now - datetime.timedelta(days=365 * years - 30))

    assert anonymise_expired_residents.delay().get() == {"anonymised": 2}

    assert Resident.objects.get(pk=asked.pk).anonymised_at is not None
    assert Resident.objects.get(pk=inactive.pk).anonymised_at is not None
    assert Resident.objects.get(pk=recent.pk).name == recent.name
    assert anonymise_expired_residents.delay().get() == {"anonymised": 0}  # idempotent


def test_the_scheduler_runs_the_retention_task_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["anonymise-expired-residents"]
    assert entry["task"] == anonymise_expired_residents.name
    assert entry["task"] in app.tasks


def test_the_retention_task_is_acknowledged_late_and_retried_on_database_errors():
    assert anonymise_expired_residents.acks_late
    assert anonymise_expired_residents.reject_on_worker_lost
    assert anonymise_expired_residents.autoretry_for
