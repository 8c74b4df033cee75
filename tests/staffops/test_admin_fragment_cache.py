"""The admin's sidebar and a staff list's filters are kept in Redis for every worker and, for a
few seconds, in the worker's own memory: a page then reads them without a round trip to Redis."""

from unittest import mock

import pytest
from django.core.cache import caches

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_fragment_read_from_redis_is_read_again_from_the_workers_memory():
    fragments = caches["admin_fragments"]
    fragments.set("h2-fragment", "<nav>…</nav>", 60)
    fragments._memory.clear()
    assert fragments.get("h2-fragment") == "<nav>…</nav>"  # from Redis, now kept
    with mock.patch("redis.Redis.get", side_effect=AssertionError("a round trip to Redis")):
        assert fragments.get("h2-fragment") == "<nav>…</nav>"


def test_a_kept_fragment_is_forgotten_after_the_workers_seconds(monkeypatch):
    fragments = caches["admin_fragments"]
    fragments.set("h2-fragment", "old", 60)
    now = [1000.0]
    monkeypatch.setattr("guro_jobs.cache.time.monotonic", lambda: now[0])
    fragments._keep("h2-fragment", None, "old", 60)  # kept at t=1000
    caches["default"].set("h2-fragment", "new", 60)  # the same Redis key, changed by another worker
    assert fragments.get("h2-fragment") == "old"
    now[0] += fragments.worker_seconds + 1
    assert fragments.get("h2-fragment") == "new"


def test_a_staff_list_reads_its_sidebar_and_filters_from_memory_on_the_second_view(client, staff_user):
    factories.ResidentFactory()
    client.force_login(staff_user)
    first = client.get("/admin/residents/resident/").content.decode()
    with mock.patch("redis.Redis.get", side_effect=AssertionError("a round trip to Redis")) as redis_get:
        again = client.get("/admin/residents/resident/").content.decode()
    assert redis_get.call_count == 0
    start = first.index('<nav class="sticky" id="nav-sidebar"')
    assert again[start : first.index("</nav>", start)] == first[start : first.index("</nav>", start)]
    assert 'id="changelist-filter"' in again
