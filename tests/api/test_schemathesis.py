"""Schemathesis fuzzes every operation of /api/schema/ as each role, in-process against the WSGI
app: no answer is a 5xx, every status is one the schema declares, and every body matches the schema.

Each operation gets API_FUZZ_EXAMPLES (default 3) valid and as many invalid requests; each role's test prints how
many cases it ran.
"""

import os
from collections import Counter

import hypothesis
import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from alerts.models import SavedVacancy
from tests import factories

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "3"))
# Valid input (positive) must get a declared status and a body matching the schema; invalid input
# (negative: wrong types, missing fields, out-of-range values) must never get a 5xx.
CHECKS = {
    GenerationMode.POSITIVE: [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ],
    GenerationMode.NEGATIVE: [not_a_server_error, status_code_conformance, content_type_conformance],
}


def role_user(role):
    if role == "anonymous":
        return None
    if role == "resident":
        return factories.ResidentFactory(with_user=True).user
    if role == "employer":
        return factories.employer_user()
    if role == "manager":
        return factories.manager_user()
    return factories.staff_user()


@pytest.fixture
def in_process_app(settings):
    """The WSGI app, with the hooks that close database connections at a request's start and end
    off (as Django's test client does), so requests run inside the test's transaction; and
    throttles too high to trip."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1000000/min", "user": "1000000/min"},
    }
    cache.clear()
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield get_wsgi_application()
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)
    cache.clear()


def fuzz(operation, mode, headers, statuses):
    """Run one operation's examples in one mode; return how many requests were made."""
    ran = 0

    @hypothesis.settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
    )
    @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        nonlocal ran
        ran += 1
        response = case.call(headers=headers)
        statuses[response.status_code] += 1
        case.validate_response(response, checks=CHECKS[mode], headers=headers)

    run()
    return ran


@pytest.mark.parametrize("role", ["anonymous", "resident", "employer", "manager", "staff"])
def test_fuzzing_the_schema_finds_no_server_error_and_no_schema_mismatch(in_process_app, role, capsys):
    # Some rows for the fuzzer to hit: an open vacancy, a program, an application, a placement.
    employer = factories.employer_user()
    resident = factories.ResidentFactory(with_user=True)
    vacancy = factories.VacancyFactory(employer=employer.employer)
    factories.ProgramFactory()
    factories.JobApplicationFactory(resident=resident, vacancy=vacancy)
    factories.PlacementFactory(resident=resident, employer=employer.employer)
    SavedVacancy.objects.create(resident=resident, vacancy=vacancy)

    user = role_user(role)
    headers = {"Authorization": f"Token {Token.objects.create(user=user).key}"} if user else {}
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", in_process_app)

    ran = 0
    statuses = Counter()
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in CHECKS:
            try:
                ran += fuzz(operation, mode, headers, statuses)
            except hypothesis.errors.Unsatisfiable:
                pass  # nothing in this operation can be made invalid
            except (Exception, FailureGroup) as error:  # collect every failure, then report them together
                failures.append(f"{mode} {operation.method.upper()} {operation.path}: {error}")

    with capsys.disabled():
        print(f"\nschemathesis as {role}: {ran} cases, statuses {dict(sorted(statuses.items()))}")
    assert not failures, "\n\n".join(failures)
    assert ran > 0
