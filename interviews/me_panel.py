"""The resident's interviews and event bookings on /me/ (residents.me_panels)."""

from residents import me_panels


def _context(request, resident):
    from interviews import selectors

    return {
        "interviews": selectors.interviews_of_resident(resident)[:20],
        "event_bookings": selectors.bookings_of_resident(resident),
    }


def register():
    me_panels.register(
        "interviews", order=30, template="interviews/me_panel_interviews.html", context=_context
    )
