"""What the apps above `residents` erase when a resident is anonymised (residents.services.anonymise_resident).

`residents` cannot import `placements` or `programs`, yet their notes about a person must go too. Each
higher app registers a handler from its AppConfig.ready(); anonymise_resident calls every handler in
the same transaction, after the resident's own fields are erased:

    anonymisation.register("placements", services.erase_personal_notes)
"""

from collections.abc import Callable

_handlers: dict[str, Callable] = {}


def register(key: str, handler: Callable) -> None:
    """Add (or replace, for the same key) a handler(*, resident) that erases a higher app's personal data."""
    _handlers[key] = handler


def erase_registered(resident) -> None:
    for handler in _handlers.values():
        handler(resident=resident)
