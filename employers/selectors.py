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
