"""What the apps above `employers` add to its pages' context.

The vacancy pages and the employer's home show things `employers` cannot import: whether the visitor
is a resident who may save a search (alerts), the resident's application and the consent form
(placements), the employer's new applicants (placements). Each higher app registers a provider from
its AppConfig.ready(); the view merges what the providers return into its context:

    page_extras.register(
        "vacancy_detail", "placements", lambda request, vacancy: {"application": ...}
    )

Pages and the objects their providers get: "vacancy_list" (request, the ids of the vacancies on the
page), "vacancy_detail" (request, vacancy), "employer_home" (request, employer).

A provider may also give a `prepare` with the same arguments, called before any provider: there it
asks for what it will need in a query the providers share (residents.permissions
.read_along_with_resident), so the page reads the signed-in resident and every provider's part of
them in one query.
"""

from collections.abc import Callable

_providers: dict[str, dict[str, Callable[..., dict]]] = {}
_preparers: dict[str, dict[str, Callable[..., None]]] = {}


def register(
    page: str, key: str, provider: Callable[..., dict], prepare: Callable[..., None] | None = None
) -> None:
    """Add (or replace, for the same key) a provider of extra context for one page."""
    _providers.setdefault(page, {})[key] = provider
    _preparers.setdefault(page, {}).pop(key, None)
    if prepare is not None:
        _preparers[page][key] = prepare


def context_for(page: str, request, *objects) -> dict:
    """The registered providers' context for this page, merged in registration order."""
    for prepare in _preparers.get(page, {}).values():
        prepare(request, *objects)
    context = {}
    for provider in _providers.get(page, {}).values():
        context.update(provider(request, *objects))
    return context
