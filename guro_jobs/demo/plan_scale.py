"""The demo at the plan's scale (called by the seed_demo command after `seed_demo()`).

The 2010–2014 plan gets each year's actual per sector at a set share of its target (80–120%,
with 2011's private and 2012's targets missed), and a current-term example plan (예시), clearly
labelled, gets its first yearly plan and placements up to today, behind on the private side so
the forecast has something to say. Placements are written with bulk_create (no signals), from
one seeded random stream, so the same seed gives the same data.
"""

import datetime
import random

from django.db.models import Count
from django.db.models.functions import ExtractYear

from employers.models import Employer
from guro_jobs.demo.reports import add_example_labour_stat
from placements.models import Placement
from plans.models import Plan, ProjectTarget, YearPlan
from programs.models import Program
from references.models import AdministrativeDong
from residents.models import Resident

# Share of the target each plan year reaches, (public, private): some years are missed.
PLAN_SHARES = {
    2010: (1.04, 1.08),
    2011: (0.97, 0.86),
    2012: (0.84, 0.82),
    2013: (1.06, 1.12),
    2014: (0.98, 1.01),
}
# The example plan's current year: public on course, private behind (the forecast warns).
EXAMPLE_SHARES = (0.97, 0.78)
EXAMPLE_TARGETS = (3200, 2000, 1200)  # total, public, private per year
EXAMPLE_PROJECTS = [
    ("첨단 기업 유치 지원", "investment", "private", "투자유치과", 200),
    ("G밸리 디지털 산업 육성", "strategic_industry", "private", "지역경제과", 500),
    ("구인·구직 만남의 날", "mismatch", "private", "일자리정책과", 500),
    ("공공근로사업", "mismatch", "public", "일자리정책과", 900),
    ("노인일자리 사업", "mismatch", "public", "어르신복지과", 800),
    ("구로 일자리센터 운영", "infrastructure", "public", "일자리정책과", 300),
    ("청년 직무 역량 교육", "skills", "private", "일자리정책과", 0),
    ("일자리 민관 협의체", "network", "private", "일자리정책과", 0),
]
BATCH = 2000


def seed_plan_scale(*, seed, today):
    """Top up the placements to the plan's scale and add the example plan; returns rows made."""
    rng = random.Random(f"plans:{seed}")
    pool = _Pool(rng)
    if not pool.residents:
        return 0
    made = 0
    targets = {row.year: row for row in YearPlan.objects.filter(year__in=PLAN_SHARES)}
    for year, (public_share, private_share) in PLAN_SHARES.items():
        if year not in targets:
            continue
        row = targets[year]
        wanted = {
            "public": round(row.public_target * public_share),
            "private": round(row.private_target * private_share),
        }
        made += pool.top_up(year, wanted, last_day=datetime.date(year, 12, 31))
    plan = _example_plan(today)
    if plan is not None:
        row = plan.yearly_plans.get(year=today.year)
        elapsed = (today - datetime.date(today.year, 1, 1)).days / 365
        wanted = {
            "public": round(row.public_target * elapsed * EXAMPLE_SHARES[0]),
            "private": round(row.private_target * elapsed * EXAMPLE_SHARES[1]),
        }
        made += pool.top_up(today.year, wanted, last_day=today)
    pool.flush()
    return made


def _example_plan(today):
    """The current term's example plan (예시), unless a plan already covers this year."""
    if Plan.objects.filter(first_year__lte=today.year, last_year__gte=today.year).exists():
        return None
    total, public, private = EXAMPLE_TARGETS
    plan = Plan.objects.create(
        title="구로구 일자리 종합계획 (예시)",
        term="예시",
        first_year=today.year,
        last_year=today.year + 3,
        stated_total=total * 4,
        stated_public=public * 4,
        stated_private=private * 4,
        employment_rate_target=61.5,
        employed_growth_target=8000,
        is_example=True,
        note="포털 시연을 위한 예시 계획입니다. 실제 공시 계획이 아닙니다.",
    )
    programs = {p.name: p for p in Program.objects.filter(year=today.year)}
    for year in plan.years:
        year_plan = YearPlan.objects.create(
            plan=plan,
            year=year,
            total_target=total,
            public_target=public,
            private_target=private,
            employment_rate_target=60.5 + (year - today.year) * 0.3,
            employed_target=236_000 + (year - today.year) * 2_000,
            note="예시",
        )
        ProjectTarget.objects.bulk_create(
            ProjectTarget(
                year_plan=year_plan,
                name=name,
                category=category,
                sector=sector,
                responsible_team=team,
                target=count or None,
                program=next((p for n, p in programs.items() if name[:4] in n), None)
                if year == today.year
                else None,
            )
            for name, category, sector, team, count in EXAMPLE_PROJECTS
        )
    add_example_labour_stat(today.year - 1)
    return plan


class _Pool:
    """What a generated placement points at: residents, employers, each year's programs."""

    def __init__(self, rng):
        self.rng = rng
        self.residents = list(Resident.objects.values_list("pk", flat=True)[:5000])
        self.employers = list(Employer.objects.values_list("pk", flat=True)[:2000])
        self.dongs = list(AdministrativeDong.objects.values_list("pk", flat=True))
        self.programs = {}
        for pk, year in Program.objects.exclude(kind=Program.Kind.JOB_TRAINING).values_list("pk", "year"):
            self.programs.setdefault(year, []).append(pk)
        self.pending = []

    def existing(self, year):
        rows = (
            Placement.objects.filter(started_on__year=year)
            .annotate(y=ExtractYear("started_on"))
            .order_by()
            .values("sector")
            .annotate(count=Count("pk"))
        )
        return {row["sector"]: row["count"] for row in rows}

    def top_up(self, year, wanted, *, last_day):
        have = self.existing(year)
        first = datetime.date(year, 1, 1).toordinal()
        made = 0
        for sector, count in wanted.items():
            missing = count - have.get(sector, 0)
            if sector == "public" and not self.programs.get(year):
                continue
            if sector == "private" and not self.employers:
                continue
            for _index in range(max(0, missing)):
                self.pending.append(
                    self.placement(year, sector, self.rng.randint(first, last_day.toordinal()))
                )
                made += 1
                if len(self.pending) >= BATCH:
                    self.flush()
        return made

    def placement(self, year, sector, ordinal):
        rng = self.rng
        origin = (
            {"source": Placement.Source.PROGRAM, "program_id": rng.choice(self.programs[year])}
            if sector == "public"
            else {"source": Placement.Source.VACANCY, "employer_id": rng.choice(self.employers)}
        )
        in_guro = rng.random() < 0.8
        return Placement(
            resident_id=rng.choice(self.residents),
            sector=sector,
            started_on=datetime.date.fromordinal(ordinal),
            monthly_wage=rng.randrange(1_200_000, 3_600_000, 10_000),
            guro_resident_at_hire=in_guro,
            dong_at_hire_id=rng.choice(self.dongs) if in_guro else None,
            gender=rng.choice(["female", "male"]),
            age_at_hire=rng.randint(18, 70),
            **origin,
        )

    def flush(self):
        if self.pending:
            Placement.objects.bulk_create(self.pending, batch_size=BATCH)
            self.pending = []
