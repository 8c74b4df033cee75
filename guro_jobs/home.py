"""The figures on the home page: this year's placements against the year's targets.

"Actual" is the dashboards' one definition (reports.selectors.actual_placements)."""

from django.db.models import Count, Q
from django.utils import timezone

from plans import selectors as plan_selectors
from reports.models import Target
from reports.selectors import actual_placements
from reports.services import achievement_rate


def home_figures(year=None):
    """Placements started this year (total, public, private) and the year's plan targets."""
    year = year or timezone.localdate().year
    counts = actual_placements(year).aggregate(
        total=Count("id"),
        public=Count("id", filter=Q(sector="public")),
        private=Count("id", filter=Q(sector="private")),
    )
    targets = plan_selectors.sector_targets(plan_selectors.year_plan(year))
    rows = [
        {
            "sector": sector,
            "label": label,
            "actual": counts[sector],
            "target": targets.get(sector),
            "percent": achievement_rate(counts[sector], targets.get(sector)),
        }
        for sector, label in Target.Sector.choices
    ]
    return {"year": year, "rows": rows}
