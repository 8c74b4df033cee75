"""Writes to the plans: entering a new plan by copying a previous plan's structure forward."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from plans.models import Plan, ProjectTarget, YearPlan


@transaction.atomic
def copy_plan_forward(*, source, title, term, first_year, last_year, copy_targets=True):
    """Create a new plan for [first_year, last_year] with the source plan's yearly plans and
    projects (names, categories, sectors, teams, and the targets unless copy_targets is False).

    The n-th year of the new plan copies the n-th year of the source (its last year when the
    new term is longer). Links to a year's programs are not copied: programs are per year.
    """
    plan = Plan(
        title=title,
        term=term,
        first_year=first_year,
        last_year=last_year,
        stated_total=source.stated_total if copy_targets else 0,
        stated_public=source.stated_public if copy_targets else None,
        stated_private=source.stated_private if copy_targets else None,
        employment_rate_target=source.employment_rate_target if copy_targets else None,
        employed_growth_target=source.employed_growth_target if copy_targets else None,
    )
    plan.full_clean()
    taken = list(
        YearPlan.objects.filter(year__gte=first_year, year__lte=last_year).values_list("year", flat=True)
    )
    if taken:
        raise ValidationError(
            {
                "first_year": _("%(years)s년에는 이미 세부계획이 있습니다.")
                % {"years": ", ".join(map(str, taken))}
            }
        )
    plan.save()
    source_years = list(source.yearly_plans.order_by("year").prefetch_related("projects"))
    for offset, year in enumerate(plan.years):
        if not source_years:
            break
        template = source_years[min(offset, len(source_years) - 1)]
        year_plan = YearPlan.objects.create(
            plan=plan,
            year=year,
            total_target=template.total_target if copy_targets else 0,
            public_target=template.public_target if copy_targets else 0,
            private_target=template.private_target if copy_targets else 0,
            employment_rate_target=template.employment_rate_target if copy_targets else None,
            employed_target=template.employed_target if copy_targets else None,
        )
        ProjectTarget.objects.bulk_create(
            ProjectTarget(
                year_plan=year_plan,
                name=project.name,
                category=project.category,
                sector=project.sector,
                responsible_team=project.responsible_team,
                target=project.target if copy_targets else None,
                note=project.note,
            )
            for project in template.projects.all()
        )
    return plan
