"""The overdue follow-ups panel on the admin index (the staff's home)."""

from django import template

from placements.selectors import overdue_retention_checks

register = template.Library()

PANEL_ROWS = 10


@register.inclusion_tag("admin/placements/overdue_retention_checks.html", takes_context=True)
def overdue_retention_panel(context):
    request = context.get("request")
    if request is None or not request.user.has_perm("placements.view_retentioncheck"):
        return {"shown": False}
    checks = overdue_retention_checks()
    return {"shown": True, "checks": list(checks[:PANEL_ROWS]), "total": checks.count()}
