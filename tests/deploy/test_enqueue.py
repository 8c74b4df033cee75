"""enqueue(): the one way pages send work to Celery, so that they can always answer."""

import pytest

from guro_jobs.tasks_util import DONE, enqueue
from residents.models import Resident
from residents.tasks import anonymise_expired_residents
from tests import factories

pytestmark = pytest.mark.django_db


def test_without_a_broker_the_work_is_done_at_once_and_said_so():
    from django.utils import timezone

    leaving = factories.ResidentFactory(deletion_requested_at=timezone.now())
    result = enqueue(anonymise_expired_residents)
    assert result.status == DONE
    assert result.accepted
    assert result.message == "요청한 작업을 처리했습니다."
    assert Resident.objects.get(pk=leaving.pk).anonymised_at is not None


# The broker-down ("unavailable") and queued-then-done paths run against real processes in
# tests/faults/test_redis_down.py.
