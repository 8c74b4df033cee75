"""Who may do what: every endpoint × method × role, with the status each gets, in one table.

401 = not signed in; 403 = the role may not do this at all; 404 = the role may act on such records
but not on this one (another person's), so nothing about it leaks.
"""

import datetime
import json

import pytest

from tests.api.conftest import ROLES, client_for

pytestmark = pytest.mark.django_db

V = "/api/v1"

# fmt: off
# method, path (formatted with the world), body,
#                                                   anonymous resident other_res employer other_emp manager staff
MATRIX = [
    ("GET",    V + "/programs/", None,                                   200, 200, 200, 200, 200, 200, 200),
    ("GET",    V + "/programs/{program}/", None,                         200, 200, 200, 200, 200, 200, 200),
    ("POST",   V + "/programs/", "new_program",                          401, 403, 403, 403, 403, 403, 201),
    ("PATCH",  V + "/programs/{program}/", {"description": "설명"},      401, 403, 403, 403, 403, 403, 200),
    ("DELETE", V + "/programs/{unused_program}/", None,                  401, 403, 403, 403, 403, 403, 204),
    ("POST",   V + "/programs/{program}/apply/", None,                   401, 201, 201, 403, 403, 403, 403),

    ("GET",    V + "/vacancies/", None,                                  200, 200, 200, 200, 200, 200, 200),
    ("GET",    V + "/vacancies/{vacancy}/", None,                        200, 200, 200, 200, 200, 200, 200),
    ("GET",    V + "/vacancies/{draft}/", None,                          404, 404, 404, 200, 404, 200, 200),
    ("POST",   V + "/vacancies/", "new_vacancy",                         401, 403, 403, 201, 201, 403, 201),
    ("PATCH",  V + "/vacancies/{draft}/", {"title": "고친 제목"},        401, 403, 403, 200, 404, 403, 200),
    ("PATCH",  V + "/vacancies/{vacancy}/", {"title": "고친 제목"},      401, 403, 403, 400, 404, 403, 200),
    ("DELETE", V + "/vacancies/{draft}/", None,                          401, 403, 403, 403, 403, 403, 204),
    ("POST",   V + "/vacancies/{draft}/submit/", None,                   401, 403, 403, 200, 404, 403, 200),
    ("POST",   V + "/vacancies/{pending}/approve/", None,                401, 403, 403, 403, 403, 403, 200),
    ("POST",   V + "/vacancies/{vacancy}/close/", {"filled": False},     401, 403, 403, 200, 404, 403, 200),
    ("POST",   V + "/vacancies/{other_vacancy}/apply/", None,            401, 201, 201, 403, 403, 403, 403),

    ("GET",    V + "/employers/", None,                                  401, 403, 403, 200, 200, 200, 200),
    ("GET",    V + "/employers/{employer}/", None,                       401, 403, 403, 200, 404, 200, 200),
    ("POST",   V + "/employers/", {"name": "새 기업", "kind": "other"},  401, 403, 403, 403, 403, 403, 201),
    ("PATCH",  V + "/employers/{employer}/", {"industry": "제조"},       401, 403, 403, 403, 403, 403, 200),
    ("DELETE", V + "/employers/{unused_employer}/", None,                401, 403, 403, 403, 403, 403, 204),

    ("GET",    V + "/residents/", None,                                  401, 403, 403, 403, 403, 200, 200),
    ("GET",    V + "/residents/{resident}/", None,                       401, 403, 403, 403, 403, 200, 200),
    ("PATCH",  V + "/residents/{resident}/", {"career_summary": "경력"}, 401, 403, 403, 403, 403, 403, 200),
    ("POST",   V + "/residents/", {"name": "새 주민"},                   401, 403, 403, 403, 403, 403, 405),
    ("GET",    V + "/residents/me/", None,                               401, 200, 200, 403, 403, 403, 403),
    ("PATCH",  V + "/residents/me/", {"career_summary": "경력"},         401, 200, 200, 403, 403, 403, 403),

    ("GET",    V + "/program-applications/", None,                       401, 200, 200, 403, 403, 200, 200),
    ("GET",    V + "/program-applications/{program_application}/", None, 401, 200, 404, 403, 403, 200, 200),
    ("POST",   V + "/program-applications/", "new_program_application",  401, 201, 201, 403, 403, 403, 201),
    ("POST",   V + "/program-applications/{program_application}/withdraw/", None,
                                                                         401, 200, 404, 403, 403, 403, 200),
    ("POST",   V + "/program-applications/{program_application}/decide/", {"status": "selected", "reason": "선발"},
                                                                         401, 403, 403, 403, 403, 403, 200),

    ("GET",    V + "/job-applications/", None,                           401, 200, 200, 200, 200, 200, 200),
    ("GET",    V + "/job-applications/{job_application}/", None,         401, 200, 404, 200, 404, 200, 200),
    ("POST",   V + "/job-applications/", "new_job_application",          401, 201, 201, 403, 403, 403, 201),
    ("POST",   V + "/job-applications/{job_application}/move/", {"status": "interview"},
                                                                         401, 403, 403, 200, 404, 403, 200),
    ("POST",   V + "/job-applications/{job_application}/withdraw/", None,
                                                                         401, 200, 404, 403, 403, 403, 200),

    ("GET",    V + "/placements/", None,                                 401, 200, 200, 200, 200, 200, 200),
    ("GET",    V + "/placements/{placement}/", None,                     401, 200, 404, 200, 404, 200, 200),
    ("PATCH",  V + "/placements/{placement}/", {"monthly_wage": 2300000}, 401, 403, 403, 403, 403, 403, 200),

    ("GET",    V + "/retention-checks/", None,                           401, 403, 403, 403, 403, 200, 200),
    ("GET",    V + "/retention-checks/{retention_check}/", None,         401, 403, 403, 403, 403, 200, 200),
    ("PATCH",  V + "/retention-checks/{retention_check}/", {"checked_on": "2011-05-02", "still_employed": True},
                                                                         401, 403, 403, 403, 403, 403, 200),

    ("GET",    V + "/targets/?year=2010", None,                          200, 200, 200, 200, 200, 200, 200),
    ("POST",   V + "/targets/", {"scope": "digital_valley", "year": 2031, "sector": "private", "target": 10},
                                                                         401, 403, 403, 403, 403, 403, 201),
    ("GET",    V + "/labour-stats/", None,                               200, 200, 200, 200, 200, 200, 200),
    ("POST",   V + "/labour-stats/", "new_labour_stat",                  401, 403, 403, 403, 403, 403, 201),
    ("GET",    V + "/occupations/", None,                                200, 200, 200, 200, 200, 200, 200),
    ("GET",    V + "/occupations/133/", None,                            200, 200, 200, 200, 200, 200, 200),
    ("POST",   V + "/occupations/", {"code": "9", "name": "x"},          401, 403, 403, 403, 403, 403, 403),

    ("GET",    V + "/residents/{resident}/case-notes/", None,            401, 403, 403, 403, 403, 403, 200),
    ("POST",   V + "/residents/{resident}/case-notes/", {"template": "free_text", "body": "상담 내용"},
                                                                         401, 403, 403, 403, 403, 403, 201),
    ("GET",    V + "/residents/999999/case-notes/", None,                401, 403, 403, 403, 403, 403, 404),
    ("GET",    V + "/referrals/", None,                                  401, 403, 403, 403, 403, 403, 200),
    ("GET",    V + "/referrals/{referral}/", None,                       401, 403, 403, 403, 403, 403, 200),
    ("POST",   V + "/referrals/", "new_referral",                        401, 403, 403, 403, 403, 403, 201),
    ("POST",   V + "/referrals/{referral}/accept/", {},                  401, 403, 403, 403, 403, 403, 200),
    ("POST",   V + "/referrals/{referral}/return/", {"note": "대상 아님"}, 401, 403, 403, 403, 403, 403, 200),
    ("GET",    V + "/plans/", None,                                      200, 200, 200, 200, 200, 200, 200),
    ("GET",    V + "/plans/{first_plan}/", None,                         200, 200, 200, 200, 200, 200, 200),
    ("POST",   V + "/plans/", {"title": "새 계획", "first_year": 2030, "last_year": 2033, "stated_total": 1},
                                                                         401, 403, 403, 403, 403, 403, 403),
    ("GET",    V + "/resumes/", None,                                    401, 200, 200, 403, 403, 403, 200),
    ("GET",    V + "/resumes/{resume}/", None,                           401, 200, 404, 403, 403, 403, 200),
    ("POST",   V + "/resumes/", {"title": "새 이력서", "careers": [{"employer_name": "구로전자", "started_on": "2020-01-01", "is_current": True}]},
                                                                         401, 201, 201, 403, 403, 403, 403),
    ("PATCH",  V + "/resumes/{resume}/", {"title": "고친 이력서"},       401, 200, 404, 403, 403, 403, 403),
    ("DELETE", V + "/resumes/{resume}/", None,                           401, 204, 404, 403, 403, 403, 403),
    ("GET",    V + "/dashboard/2003/", None,                             401, 403, 403, 403, 403, 404, 404),

    ("GET",    V + "/saved-vacancies/", None,                            401, 200, 200, 403, 403, 403, 403),
    ("GET",    V + "/saved-vacancies/{saved_vacancy}/", None,            401, 200, 404, 403, 403, 403, 403),
    ("POST",   V + "/saved-vacancies/", "new_saved_vacancy",             401, 201, 201, 403, 403, 403, 403),
    ("DELETE", V + "/saved-vacancies/{saved_vacancy}/", None,            401, 204, 404, 403, 403, 403, 403),
    # Interviews and messages of one application (interviews/api.py, conversations/api.py). The
    # application has a proposed interview (so the employer's new proposal is a 400: one at a time)
    # and its thread asked staff for help (so staff read it); tests/interviews and
    # tests/conversations hold the other cases.
    ("GET",    V + "/job-applications/{job_application}/interviews/", None,
                                                                         401, 200, 404, 200, 404, 200, 200),
    ("POST",   V + "/job-applications/{job_application}/interviews/", "new_interview",
                                                                         401, 403, 403, 400, 404, 403, 403),
    ("GET",    V + "/job-applications/{job_application}/interviews/{interview}/", None,
                                                                         401, 200, 404, 200, 404, 200, 200),
    ("POST",   V + "/job-applications/{job_application}/interviews/{interview}/respond/", {"answer": "confirmed"},
                                                                         401, 200, 404, 403, 403, 403, 403),
    ("GET",    V + "/job-applications/{job_application}/messages/", None,
                                                                         401, 200, 404, 200, 404, 403, 200),
    ("POST",   V + "/job-applications/{job_application}/messages/", {"body": "면접 시간 문의드립니다."},
                                                                         401, 201, 404, 201, 404, 403, 201),

    ("GET",    "/api/schema/", None,                                     200, 200, 200, 200, 200, 200, 200),
    ("GET",    "/api/docs/", None,                                       200, 200, 200, 200, 200, 200, 200),
]
# fmt: on


def body_for(name, world):
    """Request bodies that need ids from the world."""
    bodies = {
        "new_program": {"code": "api-new", "name": "새 사업", "kind": "public_works", "year": 2030},
        "new_vacancy": {
            "employer": world.employer.pk,
            "title": "생산직 채용",
            "description": "전자부품 조립",
            "occupation": world.occupation.pk,
            "employment_type": "full_time",
            "wage_amount": 2_500_000,
            "weekly_hours": 40,
            "work_place": "서울특별시 구로구 디지털로 300",
            "openings": 1,
        },
        "new_saved_vacancy": {"vacancy": world.other_vacancy.pk},
        "new_program_application": {"program": world.program.pk, "resident": world.other_resident.pk},
        "new_job_application": {"vacancy": world.other_vacancy.pk, "resident": world.other_resident.pk},
        "new_referral": {
            "resident": world.other_resident.pk,
            "to_employer": world.employer.pk,
            "reason": "채용 연계",
        },
        "new_interview": {
            "starts_at": (world.today + datetime.timedelta(days=5)).isoformat() + "T10:00:00+09:00",
            "place": "서울특별시 구로구 디지털로 300",
            "contact_name": "박인사",
            "contact_phone": "02-860-0000",
        },
        "new_labour_stat": {
            "year": 2031,
            "population": 400_000,
            "economically_active": 200_000,
            "employed": 190_000,
            "unemployed": 10_000,
            "source": "시험",
        },
    }
    return bodies[name]


CASES = [
    pytest.param(method, path, body, role, expected, id=f"{method} {path} as {role}")
    for method, path, body, *statuses in MATRIX
    for role, expected in zip(ROLES, statuses, strict=True)
]


@pytest.mark.parametrize(("method", "path", "body", "role", "expected"), CASES)
def test_each_role_gets_the_status_the_table_says(world, method, path, body, role, expected):
    url = path.format(**{name: getattr(value, "pk", value) for name, value in vars(world).items()})
    if isinstance(body, str):
        body = body_for(body, world)
    response = client_for(world.users[role]).generic(
        method, url, data=None if body is None else json.dumps(body), content_type="application/json"
    )
    assert response.status_code == expected, (role, url, getattr(response, "data", response.content[:300]))
