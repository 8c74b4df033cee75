"""The plan's figures: yearly targets 2010–2014 (Table 2), Guro's 2010 labour statistics
(Table 1), the program capacities as program targets, and the Digital Valley aim.

The plan's total column states 18,640 (public 12,850, private 5,790) for 2010–2014, but its
yearly private figures add up to 5,800 and its yearly totals to 18,650. Both are kept as the
plan states them: the yearly rows as yearly targets, the stated sums as plan-period targets.
"""

from decimal import Decimal

from django.db import migrations

TARGETS = {
    # year: (total, public, private)
    2010: (4350, 3250, 1100),
    2011: (3810, 2550, 1260),
    2012: (3620, 2450, 1170),
    2013: (3510, 2350, 1160),
    2014: (3360, 2250, 1110),
}


def seed(apps, schema_editor):
    Target = apps.get_model("reports", "Target")
    LabourStat = apps.get_model("reports", "LabourStat")
    Program = apps.get_model("programs", "Program")
    Agreement = apps.get_model("employers", "Agreement")
    for year, (total, public, private) in TARGETS.items():
        for sector, count in (("total", total), ("public", public), ("private", private)):
            Target.objects.update_or_create(
                scope="sector", year=year, sector=sector, defaults={"count": count}
            )
    for sector, count in (("total", 18640), ("public", 12850), ("private", 5790)):
        Target.objects.update_or_create(
            scope="plan_period",
            sector=sector,
            year=None,
            defaults={"count": count, "note": "2010–2014 계획 기간 합계 (계획서 표 2 합계란)"},
        )
    for program in Program.objects.filter(year=2010, capacity__isnull=False):
        Target.objects.update_or_create(
            scope="program",
            program=program,
            defaults={"year": 2010, "sector": program.sector, "count": program.capacity},
        )
    dcube = Agreement.objects.filter(employer__name="대성 디큐브시티").first()
    if dcube:
        Target.objects.update_or_create(
            scope="agreement",
            agreement=dcube,
            defaults={"sector": "private", "count": 500, "note": "종사자 1,000명 중 50% 구로구 주민 채용"},
        )
    Target.objects.update_or_create(
        scope="digital_valley",
        sector="private",
        year=None,
        defaults={
            "count": 6000,
            "note": "구로디지털단지 9,622개 업체·종사자 123,228명 중 최대 5% 범위, 6,000명 이상 관내 주민·학생 채용",
        },
    )
    LabourStat.objects.update_or_create(
        year=2010,
        month=9,
        defaults={
            "population": 421115,
            "economically_active": 261933,
            "employed": 250146,
            "unemployed": 11787,
            "national_unemployment_rate": Decimal("3.9"),
            "source": "통계청 2010년 9월 고용동향 (구로구 일자리 창출 계획 표 1)",
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("programs", "0002_plan_programs"),
        ("employers", "0002_dcube_city_agreement"),
    ]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
