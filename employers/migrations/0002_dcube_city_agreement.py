"""D-Cube City (대성 디큐브시티) and its agreement: 1,000 staff, 50% (500) hired from Guro.

Its business registration number is not in the plan, so it is left for staff to fill in.
"""

import datetime
from decimal import Decimal

from django.db import migrations


def seed(apps, schema_editor):
    Employer = apps.get_model("employers", "Employer")
    Agreement = apps.get_model("employers", "Agreement")
    AdministrativeDong = apps.get_model("references", "AdministrativeDong")
    dcube, _created = Employer.objects.update_or_create(
        name="대성 디큐브시티",
        defaults={
            "kind": "anchor_partner",
            "industry": "호텔·백화점 (주상복합)",
            "address": "서울특별시 구로구 경인로 662 (대성연탄 부지, A동 51층·B동 42층)",
            "dong": AdministrativeDong.objects.filter(name="신도림동").first(),
            "headcount": 1000,
        },
    )
    Agreement.objects.update_or_create(
        employer=dcube,
        title="디큐브시티 지역 주민 우선 채용 업무제휴",
        defaults={
            "signed_on": datetime.date(2010, 10, 1),
            "starts_on": datetime.date(2010, 10, 1),
            "planned_hires": 1000,
            "local_hire_share": Decimal("50.00"),
            "incentives": [],
            "notes": "총 종사자 1,000명 중 50%(500명)를 구로구 주민으로 채용. 관내 신축 건물에도 같은 협약을 추진.",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("employers", "0001_initial"), ("references", "0002_seed_reference_data")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
