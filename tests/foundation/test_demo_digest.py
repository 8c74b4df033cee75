"""The demo builder gives the same rows for the same seed, row for row, whatever shape its code takes.

Every row of every table of the portal's own apps (what the migrations loaded, without their time
stamps, and what the demo added) is hashed in id order. Ids are replaced by their rank in their
table, so the digest does not depend on which ids the database handed out; the clock is frozen,
so neither does it depend on when it runs. The expected digests were recorded from the builder before it was split into a
package: a change to them is a change to the demo's data, not a refactoring.
"""

import datetime
import hashlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db.models import DateTimeField
from django.utils import timezone

from guro_jobs.demo import DemoCounts, seed_demo, seed_plan_scale

pytestmark = pytest.mark.django_db

SMALL = DemoCounts(
    residents=120, employers=10, vacancies=30, applications=100, program_applications=100, placements=80
)
SEED = 17
TODAY = datetime.date(2026, 11, 29)
NOW = datetime.datetime(2026, 11, 29, 10, 30, tzinfo=datetime.UTC)

# Recorded before the split; PostgreSQL (COPY) and SQLite (bulk_create) give the same.
EXPECTED = {
    "demo": "bb00c287e1faf169e04c8312ecfa61fbd84e98cfc9805e86fa56efcb715ce12a",
    "demo_and_plan_scale": "eecae00b4ba0d76ea776973feb428d4f1634bee738472454ba8edadf0da7b9a2",
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
    """A hash of every row in id order. The migrations' rows are hashed without their time
    stamps (they record when the test database was made); the demo's rows are hashed whole."""
    models = project_models()
    ranks = {
        model: {pk: rank for rank, pk in enumerate(model.objects.order_by("pk").values_list("pk", flat=True))}
        for model in models
    }
    hasher = hashlib.sha256()
    for model in models:
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        hasher.update(model._meta.db_table.encode())
        for pk, *row in model.objects.order_by("pk").values_list("pk", *[f.attname for f in fields]):
            loaded = pk in before[model]
            values = [repr(ranks[model][pk])]
            for field, value in zip(fields, row, strict=True):
                if loaded and isinstance(field, DateTimeField):
                    continue
                target = field.related_model if field.is_relation else None
                if target in ranks and value is not None:
                    value = ("rank", ranks[target].get(value, value))
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


def test_the_demo_at_the_plans_scale_gives_the_recorded_rows_for_its_seed(frozen_clock):
    before = existing_rows()
    seed_demo(counts=SMALL, seed=SEED, today=TODAY)
    seed_plan_scale(seed=SEED, today=TODAY)
    found = digest(before)
    assert found == EXPECTED["demo_and_plan_scale"], found
