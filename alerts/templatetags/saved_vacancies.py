"""The 관심 공고 button for vacancy templates, which live in `employers` (below `alerts`).

Templates in `employers` `{% load saved_vacancies %}` and call `{% saved_vacancy_button vacancy %}`;
no Python in `employers` imports `alerts`. The resident's saved ids are read once per request, so a
list of twenty vacancies costs one query, not twenty.
"""

from django import template

from alerts.selectors import saved_vacancy_ids_of
from residents.permissions import resident_of

register = template.Library()


def _saved_ids(request):
    if not hasattr(request, "_saved_vacancy_ids"):
        resident = resident_of(request.user) if request.user.is_authenticated else None
        request._saved_vacancy_ids = None if resident is None else saved_vacancy_ids_of(resident)
    return request._saved_vacancy_ids


@register.inclusion_tag("alerts/saved_vacancy_button.html", takes_context=True)
def saved_vacancy_button(context, vacancy):
    """A save / unsave button for residents; nothing for anyone else."""
    request = context.get("request")
    saved_ids = _saved_ids(request) if request is not None else None
    return {
        "request": request,
        "vacancy": vacancy,
        "show": saved_ids is not None,
        "saved": saved_ids is not None and vacancy.pk in saved_ids,
        "csrf_token": context.get("csrf_token"),
    }
