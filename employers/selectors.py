"""Reading vacancies and employers, with the joins done so no page queries per row."""

from django.utils import timezone

from employers.models import Vacancy


def open_vacancies():
    """Vacancies residents can see and apply to: open, and not past their closing date."""
    today = timezone.localdate()
    return (
        Vacancy.objects.filter(status=Vacancy.Status.OPEN)
        .exclude(closes_on__lt=today)
        .select_related("employer", "occupation", "dong")
        .prefetch_related("required_skills")
    )


def vacancies_of(employer):
    return (
        Vacancy.objects.filter(employer=employer)
        .select_related("occupation", "dong")
        .order_by("-created_at", "-id")
    )


def agreements_with_progress(employer):
    """An employer's agreements, each with `local_hires` (placements of Guro residents so far)."""
    from django.db.models import Count, Q

    from employers.models import Agreement

    agreements = list(
        Agreement.objects.filter(employer=employer)
        .annotate(
            local_hires=Count(
                "placements",
                # a cancelled (corrected) hire does not count (placements' Placement.Status.STANDING)
                filter=Q(placements__guro_resident_at_hire=True, placements__status="standing"),
            )
        )
        .order_by("-signed_on")
    )
    for agreement in agreements:
        quota = agreement.local_hire_quota
        agreement.progress_percent = min(round(agreement.local_hires * 100 / quota), 100) if quota else 0
    return agreements
