"""What the apps above `residents` erase when a resident is anonymised (PIPA).

`anonymise_resident` clears the resident's own record; an app holding free text written by or about
the resident (messages, interview answers) registers a function from its AppConfig.ready():

    anonymisers.register("conversations", lambda resident: Message.objects.filter(...).update(body=…))

The functions run inside anonymise_resident's transaction, in the order they were registered.
"""

from collections.abc import Callable

_anonymisers: dict[str, Callable] = {}


def register(key: str, anonymise: Callable) -> None:
    _anonymisers[key] = anonymise


def run(resident) -> None:
    for anonymise in _anonymisers.values():
        anonymise(resident)
