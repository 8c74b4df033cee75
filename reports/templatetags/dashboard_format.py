"""Numbers the Korean way on the dashboards: 18,640명, 87.5%, 1,500,000원; "—" when unknown."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()

MISSING = "—"


@register.filter
def count(value):
    return MISSING if value is None or value == "" else f"{int(value):,}"


@register.filter
def percent(value):
    return MISSING if value is None or value == "" else f"{float(value):,.1f}%"


@register.filter
def won(value):
    return MISSING if value is None or value == "" else _("%(amount)s원") % {"amount": f"{int(value):,}"}


@register.filter
def people(value):
    """A head count with its unit in the reader's language (18,640명; 18,640 in English)."""
    return MISSING if value is None or value == "" else _("%(count)s명") % {"count": count(value)}


@register.filter
def cases(value):
    """A number of cases with its unit in the reader's language (1,204건; 1,204 in English)."""
    return MISSING if value is None or value == "" else _("%(count)s건") % {"count": count(value)}


@register.filter
def gauge(value):
    """A rate as a plain number for <meter value>, capped to its 0–100 range."""
    return "0" if value is None else f"{min(max(float(value), 0.0), 100.0):.1f}"


@register.filter
def sector_label(value):
    """A sector code as its label in the reader's language (전체, 공공, 민간)."""
    from reports.models import Target

    return Target.Sector(value).label if value in Target.Sector.values else value
