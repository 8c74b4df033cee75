"""The plan's shape of the demo: how many placements of which kind in which year."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from guro_jobs.demo.tools import PLAN_YEARS, allocate
from plans.models import YearPlan

# The plan's yearly targets (Table 2), used when the database has none.
PLAN_TARGETS = {
    2010: (3250, 1100),
    2011: (2550, 1260),
    2012: (2450, 1170),
    2013: (2350, 1160),
    2014: (2250, 1110),
}


def plan_targets():
    found = YearPlan.objects.filter(year__in=PLAN_YEARS)
    rows = {(t.year, sector): t.target(sector) for t in found for sector in ("public", "private")}
    return (
        {y: rows.get((y, "public"), PLAN_TARGETS[y][0]) for y in PLAN_YEARS},
        {y: rows.get((y, "private"), PLAN_TARGETS[y][1]) for y in PLAN_YEARS},
    )


def _year_window(agreement, year):
    first = max(datetime.date(year, 1, 1).toordinal(), agreement.starts_on)
    last = min(datetime.date(year, 12, 31).toordinal(), agreement.ends_on)
    return first, last


def plan_placements(ctx, total, public_targets, private_targets, vacancies, agreements, programs):
    """Placements per year in the plan's proportions, split by source (vacancy, agreement, program)."""
    rng = ctx.rng
    residents = len(ctx.r_id)
    per_year = allocate(total, [public_targets[y] + private_targets[y] for y in PLAN_YEARS], rng)
    vacancy_hires = [0] * len(vacancies)
    agreement_plans = {}
    program_counts = [0] * len(programs)
    for year, count in zip(PLAN_YEARS, per_year, strict=True):
        public = round(count * public_targets[year] / (public_targets[year] + private_targets[year]))
        private = count - public
        active = [(a, *_year_window(a, year)) for a in agreements]
        active = [(a, first, last) for a, first, last in active if first <= last]
        by_agreement = round(private * 0.2) if active else 0
        by_vacancy = private - by_agreement
        year_vacancies = [i for i, v in enumerate(vacancies) if v.year == year and not v.current]
        if by_vacancy and not year_vacancies:
            if active:
                by_agreement, by_vacancy = private, 0
            else:
                public, by_vacancy = count, 0
        if by_vacancy:
            weights = [2.0 if vacancies[i].status == "filled" else 0.5 for i in year_vacancies]
            parts = allocate(by_vacancy, weights, rng, [residents] * len(weights))
            for i, hires in zip(year_vacancies, parts, strict=True):
                vacancy_hires[i] = hires
        if by_agreement:
            parts = allocate(by_agreement, [a.weight for a, _f, _l in active], rng, [residents] * len(active))
            agreement_plans[year] = [
                (a, n, first, last) for (a, first, last), n in zip(active, parts, strict=True)
            ]
        year_programs = [i for i, p in enumerate(programs) if p.year == year and p.weight > 0]
        if public and not year_programs:
            raise ValidationError(
                _("%(year)s년 일자리 사업이 없어 공공 부문 실적을 만들 수 없습니다.") % {"year": year}
            )
        if public:
            parts = allocate(
                public, [programs[i].weight for i in year_programs], rng, [residents] * len(year_programs)
            )
            for i, n in zip(year_programs, parts, strict=True):
                program_counts[i] = n
    return vacancy_hires, agreement_plans, program_counts
