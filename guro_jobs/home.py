"""The figures on the home page: this year's placements against the year's targets."""

from django.db.models import Count, Q
from django.utils import timezone

from placements.models import Placement
from reports.models import Target


def home_figures(year=None):
    """Placements started this year (total, public, private) and the sector targets of the year."""
    year = year or timezone.localdate().year
    counts = Placement.objects.filter(started_on__year=year).aggregate(
        total=Count("id"),
        public=Count("id", filter=Q(sector="public")),
        private=Count("id", filter=Q(sector="private")),
    )
    targets = dict(Target.objects.filter(scope=Target.Scope.SECTOR, year=year).values_list("sector", "count"))
    rows = []
    for sector, label in Target.Sector.choices:
        target = targets.get(sector)
        actual = counts[sector]
        rows.append(
            {
                "sector": sector,
                "label": label,
                "actual": actual,
                "target": target,
                "percent": round(actual * 100 / target) if target else None,
            }
        )
    return {"year": year, "rows": rows}
