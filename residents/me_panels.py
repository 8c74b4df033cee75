"""Sections of the resident's own page (/me/) that the apps above `residents` contribute.

`residents` sits below `programs`, `placements`, `alerts` and the rest, so it cannot import them to
show a resident's applications, hires or recommendations. Each higher app registers its panel from
its `AppConfig.ready()` instead; `MeView` renders the registered panels in their order:

    me_panels.register(
        "job_applications",
        order=20,
        template="placements/me_panel_applications.html",
        context=lambda request, resident: {"job_applications": selectors.applications_of(resident)},
    )
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class MePanel:
    key: str
    order: int
    template: str
    context: Callable[[HttpRequest, object], dict]


_panels: dict[str, MePanel] = {}


def register(key: str, *, order: int, template: str, context: Callable[[HttpRequest, object], dict]) -> None:
    """Add (or replace, for the same key) a panel on the resident's page."""
    _panels[key] = MePanel(key=key, order=order, template=template, context=context)


def registered() -> list[MePanel]:
    return sorted(_panels.values(), key=lambda panel: (panel.order, panel.key))


def render_panels(request: HttpRequest, resident) -> list[SafeString]:
    """Each registered panel's HTML for this resident, in order."""
    return [
        render_to_string(
            panel.template, {"resident": resident, **panel.context(request, resident)}, request=request
        )
        for panel in registered()
    ]
