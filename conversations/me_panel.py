"""The resident's message threads on /me/ (residents.me_panels)."""

from residents import me_panels


def _context(request, resident):
    from conversations import selectors

    return {"threads": selectors.threads_of_resident(resident)[:20]}


def register():
    me_panels.register(
        "conversations", order=35, template="conversations/me_panel_threads.html", context=_context
    )
