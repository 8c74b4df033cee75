"""Plan 1: Guro's first plan under the local job-target disclosure system (구로구 일자리 창출 계획,
민선 5기, 2010–2014), with every figure the seed carried.

The plan's total column states 18,640 (public 12,850, private 5,790), but its yearly rows add up
to 18,650 (private 5,800). Both are kept as the plan states them: the yearly rows as the yearly
plans' targets, the stated sums as the plan's stated totals. The 2010 programs become the 2010
yearly plan's projects, with their capacities as targets (none where the plan gives no figure).
"""

from django.db import migrations

TARGETS = {
    # year: (total, public, private)
    2010: (4350, 3250, 1100),
    2011: (3810, 2550, 1260),
    2012: (3620, 2450, 1170),
    2013: (3510, 2350, 1160),
    2014: (3360, 2250, 1110),
}
# The measure category each 2010 program belongs to (the six categories of the disclosure system).
CATEGORIES = {
    "public_works": "mismatch",
    "hope_work": "mismatch",
    "self_sufficiency": "mismatch",
    "senior_jobs": "mismatch",
    "youth_internship": "mismatch",
    "community_jobs": "network",
    "social_enterprise": "network",
    "job_training": "skills",
}
TEAM = "일자리지원과"


def seed(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    YearPlan = apps.get_model("plans", "YearPlan")
    ProjectTarget = apps.get_model("plans", "ProjectTarget")
    Program = apps.get_model("programs", "Program")
    plan, _ = Plan.objects.update_or_create(
        first_year=2010,
        last_year=2014,
        defaults={
            "title": "구로구 일자리 창출 계획",
            "term": "민선 5기",
            "stated_total": 18640,
            "stated_public": 12850,
            "stated_private": 5790,
            "note": "계획서 표 2의 합계란은 18,640명(민간 5,790명)이지만 연도별 목표를 더하면 "
            "18,650명(민간 5,800명)입니다. 둘 다 계획서에 적힌 대로 둡니다.",
        },
    )
    for year, (total, public, private) in TARGETS.items():
        YearPlan.objects.update_or_create(
            year=year,
            defaults={
                "plan": plan,
                "total_target": total,
                "public_target": public,
                "private_target": private,
            },
        )
    year_2010 = YearPlan.objects.get(year=2010)
    for program in Program.objects.filter(year=2010).order_by("pk"):
        ProjectTarget.objects.update_or_create(
            year_plan=year_2010,
            name=program.name,
            defaults={
                "category": CATEGORIES.get(program.kind, "mismatch"),
                "sector": program.sector,
                "responsible_team": TEAM,
                "program": program,
                "target": program.capacity,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
        ("programs", "0002_plan_programs"),
    ]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
