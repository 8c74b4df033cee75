"""The 2010 programs named in the district plan (구로구 일자리 창출 계획, 2010).

Capacities are the plan's: public works 580, Hope Work 800, self-sufficiency and senior jobs
about 1,500 together (the plan gives one figure for both, so they are one program here). The
plan gives no figure for youth internships, community jobs or training: their capacity is left
empty (정원 미정) for staff to set. Eligibility follows the plan's wording.
"""

from django.db import migrations

UNEMPLOYED_OR_NO_INCOME = ["unemployed", "no_regular_income"]

PROGRAMS = [
    {
        "code": "2010-public-works",
        "name": "공공근로사업",
        "kind": "public_works",
        "capacity": 580,
        "description": "실업자 또는 정기 소득이 없는 만 18세 이상 구로구 주민을 위한 공공근로사업",
        "min_age": 18,
        "allowed_employment_statuses": UNEMPLOYED_OR_NO_INCOME,
        "weights": {
            "basic_livelihood": 30,
            "near_poor": 25,
            "single_parent": 20,
            "disability": 20,
            "long_term_unemployed": 15,
            "female_householder": 15,
            "raising_children": 10,
        },
    },
    {
        "code": "2010-hope-work",
        "name": "희망근로사업",
        "kind": "hope_work",
        "capacity": 800,
        "description": "실업자 또는 정기 소득이 없는 만 18세 이상 구로구 주민을 위한 희망근로사업",
        "min_age": 18,
        "allowed_employment_statuses": UNEMPLOYED_OR_NO_INCOME,
        "weights": {
            "basic_livelihood": 30,
            "near_poor": 25,
            "single_parent": 20,
            "disability": 20,
            "long_term_unemployed": 15,
            "female_householder": 15,
            "raising_children": 10,
        },
    },
    {
        "code": "2010-self-sufficiency-senior",
        "name": "자활근로·노인일자리사업",
        "kind": "senior_jobs",
        "capacity": 1500,
        "description": "생활이 어려운 저소득층 주민과 노인 세대를 위한 자활근로 및 노인 일자리사업 (계획상 두 사업 합계 1,500여 명)",
        "min_age": None,
        "allowed_employment_statuses": UNEMPLOYED_OR_NO_INCOME,
        "required_groups": ["basic_livelihood", "near_poor", "senior"],
        "weights": {"basic_livelihood": 30, "near_poor": 25, "senior": 20, "disability": 15},
    },
    {
        "code": "2010-youth-internship",
        "name": "청년인턴사업",
        "kind": "youth_internship",
        "capacity": None,
        "description": "전문대졸 이상 청년 실업자(일부 전문계고 졸업자 포함)를 민간위탁사업 등에 인턴으로 배치하고, 인턴 종료 후 취업으로 연계",
        "min_age": 18,
        "max_age": 34,
        "min_education": "vocational_high_school",
        "allowed_employment_statuses": ["unemployed"],
        "weights": {"long_term_unemployed": 15, "basic_livelihood": 10, "near_poor": 10},
    },
    {
        "code": "2010-community-jobs",
        "name": "지역공동체 일자리사업",
        "kind": "community_jobs",
        "capacity": None,
        "description": "희망근로 이후의 안정적 일자리(Post-희망근로). 자녀를 키우는 청·장년층 우선 고용: 자전거 수리 센터, 도로환경 개선, 공공부문 정보화, 도시 숲 조성",
        "min_age": 18,
        "allowed_employment_statuses": UNEMPLOYED_OR_NO_INCOME,
        "weights": {"raising_children": 40, "single_parent": 30, "basic_livelihood": 20, "near_poor": 15},
    },
    {
        "code": "2010-service-training",
        "name": "친절 서비스 직무교육",
        "kind": "job_training",
        "capacity": None,
        "requires_guro_residency": True,
        "description": "호텔·백화점 등 서비스업 채용 경쟁력을 높이는 친절 서비스 교육 (평생 직업교육)",
        "min_age": 18,
        "allowed_employment_statuses": [],
        "weights": {},
    },
    {
        "code": "2010-it-training",
        "name": "IT 기술 직무교육",
        "kind": "job_training",
        "capacity": None,
        "requires_guro_residency": True,
        "description": "디지털단지 IT 기업이 찾는 기술을 주민이 갖추도록 돕는 직무교육 (채용 후 기업 자체 교육과 연계)",
        "min_age": 18,
        "allowed_employment_statuses": [],
        "weights": {},
    },
]


def seed(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    PriorityGroup = apps.get_model("references", "PriorityGroup")
    ProgramPriorityWeight = apps.get_model("programs", "ProgramPriorityWeight")
    groups = {group.code: group for group in PriorityGroup.objects.all()}
    for spec in PROGRAMS:
        spec = dict(spec)
        weights = spec.pop("weights")
        required = spec.pop("required_groups", [])
        code = spec.pop("code")
        program, _created = Program.objects.update_or_create(
            code=code, defaults={"year": 2010, "sector": "public", "wage_unit": "daily", **spec}
        )
        program.required_priority_groups.set([groups[c] for c in required])
        for group_code, points in weights.items():
            ProgramPriorityWeight.objects.update_or_create(
                program=program, priority_group=groups[group_code], defaults={"points": points}
            )


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial"), ("references", "0002_seed_reference_data")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
