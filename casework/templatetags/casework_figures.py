"""The casework figures on the dashboard, as a tag so the dashboard only includes one line."""

from django import template

from casework import selectors

register = template.Library()


@register.inclusion_tag("casework/_dashboard_figures.html")
def casework_dashboard_figures(year):
    return {"year": year, "figures": selectors.cached_dashboard_figures(year)}
