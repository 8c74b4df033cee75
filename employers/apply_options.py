"""Extra choices on the vacancy page's apply form that the apps above `employers` contribute.

`employers` sits below `resumes` and `placements`, so the vacancy page cannot import them to offer
the resident's resumes. A higher app registers an option from its `AppConfig.ready()`: a template
rendered inside the apply form, and a reader that turns the posted form into keyword arguments for
`apply_with_provision_consent` (raising a ValidationError with a Korean message when it is wrong):

    apply_options.register(
        "resume",
        template="resumes/apply_option.html",
        context=lambda request, resident, vacancy: {"resumes": ...},
        read=lambda request, resident: {"resume": ...},
    )
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class ApplyOption:
    key: str
    template: str
    context: Callable[[HttpRequest, object, object], dict]
    read: Callable[[HttpRequest, object], dict]


_options: dict[str, ApplyOption] = {}


def register(key: str, *, template: str, context, read) -> None:
    """Add (or replace, for the same key) an option on the apply form."""
    _options[key] = ApplyOption(key=key, template=template, context=context, read=read)


def render_options(request: HttpRequest, resident, vacancy) -> list[SafeString]:
    return [
        render_to_string(
            option.template,
            {"resident": resident, "vacancy": vacancy, **option.context(request, resident, vacancy)},
            request=request,
        )
        for option in sorted(_options.values(), key=lambda option: option.key)
    ]


def read_options(request: HttpRequest, resident) -> dict:
    """The keyword arguments every registered option reads from the posted apply form."""
    arguments = {}
    for option in sorted(_options.values(), key=lambda option: option.key):
        arguments.update(option.read(request, resident))
    return arguments
