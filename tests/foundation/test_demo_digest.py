"""The demo builder gives the same rows for the same seed, row for row, whatever shape its code takes.

Every row the demo adds to any table of the portal's own apps is hashed in id order. Ids are
replaced by their rank among the added rows, so the digest does not depend on which ids the
database handed out; the clock is frozen, so neither does it depend on when it runs.

The digest was first recorded from the builder before it was split into a package, and the split gave
the same one. It was recorded again when the merge with the shared senior-program pool and the
English program names changed the rows the migrations give the demo to copy (the same digest on
PostgreSQL and SQLite), and again when every account got its notice channel and text number
(both at their defaults in the demo), and once more after the merge of the resumes, interviews, job
fairs, messages, saved vacancies and company pages (their demo rows and their tables; the same
digest on PostgreSQL and SQLite), and again when the job fair's employer and vacancy links were
written in a fixed order (before, in the order of a set of ids) and bookings and accounts got their
reminder and phone-confirmation columns (null in the demo; the same digest on PostgreSQL and
SQLite). A change to it is a change to the demo's data, not a refactoring.
"""

import datetime
import hashlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import timezone

from guro_jobs.demo import DemoCounts, seed_demo

# The digest is of a demo seeded on a freshly migrated database: run before any transactional test
# has emptied and restored the database (tests/conftest.py orders fresh_database tests first).
pytestmark = [pytest.mark.django_db, pytest.mark.fresh_database]

SMALL = DemoCounts(
    residents=120, employers=10, vacancies=30, applications=100, program_applications=100, placements=80
)
SEED = 17
TODAY = datetime.date(2026, 11, 29)
NOW = datetime.datetime(2026, 11, 29, 10, 30, tzinfo=datetime.UTC)

# Recorded before the split; PostgreSQL (COPY) and SQLite (bulk_create) give the same.
EXPECTED = {
    "demo": "1679633a79b97b86c4b39609d3881974b2ef1442d12e4279c07cf6b1854d244b",
}


def project_models():
    """The concrete models of the portal's own apps, with their many-to-many tables."""
    base = Path(settings.BASE_DIR).resolve()
    found = []
    for config in apps.get_app_configs():
        if base not in Path(config.path).resolve().parents:
            continue
        for model in config.get_models(include_auto_created=True):
            if not model._meta.proxy and model._meta.managed:
                found.append(model)
    return sorted(found, key=lambda model: model._meta.db_table)


def existing_rows():
    """The ids of the rows the migrations loaded, before the demo adds its own."""
    return {model: set(model.objects.values_list("pk", flat=True)) for model in project_models()}


def digest(before):
    """A hash of every row the demo added, in id order. A row's id, and a key pointing at another
    added row, become the row's rank among the added rows; a key to a row the migrations loaded
    stays as it is (those ids are the migrations' own), so what other tests leave behind in tables
    the demo does not read cannot change the digest."""
    models = project_models()
    added = {
        model: [
            pk for pk in model.objects.order_by("pk").values_list("pk", flat=True) if pk not in before[model]
        ]
        for model in models
    }
    ranks = {model: {pk: rank for rank, pk in enumerate(pks)} for model, pks in added.items()}
    hasher = hashlib.sha256()
    for model in models:
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        hasher.update(model._meta.db_table.encode())
        rows = model.objects.filter(pk__in=added[model]).order_by("pk")
        for pk, *row in rows.values_list("pk", *[f.attname for f in fields]):
            values = [repr(ranks[model][pk])]
            for field, value in zip(fields, row, strict=True):
                target = field.related_model if field.is_relation else None
                if target in ranks and value in ranks[target]:
                    value = ("rank", ranks[target][value])
                values.append(repr(value))
            hasher.update("|".join(values).encode())
    return hasher.hexdigest()


@pytest.fixture
def frozen_clock(monkeypatch):
    """timezone.now() and the fields defaulting to it all answer NOW."""

    def frozen():
        return NOW

    monkeypatch.setattr(timezone, "now", frozen)
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if callable(field.default) and getattr(field.default, "__name__", "") == "now":
                monkeypatch.setattr(field, "default", frozen)
    return frozen


def test_the_demo_gives_the_recorded_rows_for_its_seed(frozen_clock):
    before = existing_rows()
    seed_demo(counts=SMALL, seed=SEED, today=TODAY)
    found = digest(before)
    assert found == EXPECTED["demo"], found
