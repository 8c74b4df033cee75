"""What the apps above `residents` remove when a resident is anonymised (PIPA).

`residents.services.anonymise_resident` clears the resident's own record; an app holding more
about the person (resumes, the resumes sent with applications) registers a handler from its
AppConfig.ready(), called inside the same transaction:

    anonymisation.register("resumes", lambda resident: ...)
"""

from collections.abc import Callable

_handlers: dict[str, Callable] = {}


def register(key: str, handler: Callable) -> None:
    _handlers[key] = handler


def run(resident) -> None:
    for key in sorted(_handlers):
        _handlers[key](resident)
