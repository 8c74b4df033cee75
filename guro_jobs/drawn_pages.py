"""Pages (or the parts of a page) as drawn, kept in this worker's memory for the next reader who
would get the same bytes: the managers' dashboard (reports.kept_pages) and the frame of a staff list
around its rows (residents.admin_kept_list). Each user of it finds a drawing by everything the
drawing is drawn from, so nothing here ever puts one out of use; the oldest go when it is full.

The CSRF token is the one per-request value of a kept drawing: it is kept as ``CSRF_PLACEHOLDER``
and each view puts in the reader's own token (``get_token``, as the template tag would ask for it).
"""

import re
import secrets
import threading
from collections import OrderedDict

from django.middleware.csrf import get_token

# Random per process, so no page text can ever contain it by chance.
CSRF_PLACEHOLDER = f"kept-page-csrf-{secrets.token_hex(16)}"

_TOKEN_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')


class KeptDrawings:
    """At most ``entries`` drawings by key, the least recently used dropped first (thread-safe)."""

    def __init__(self, entries):
        self.entries = entries
        self._kept = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            drawing = self._kept.get(key)
            if drawing is not None:
                self._kept.move_to_end(key)
            return drawing

    def put(self, key, drawing):
        with self._lock:
            self._kept[key] = drawing
            self._kept.move_to_end(key)
            while len(self._kept) > self.entries:
                self._kept.popitem(last=False)

    def pop(self, key):
        with self._lock:
            self._kept.pop(key, None)

    def forget_all(self):
        """Tests start from nothing (a drawing never needs forgetting otherwise: see above)."""
        with self._lock:
            self._kept.clear()

    def __len__(self):
        return len(self._kept)


def tokens_as_placeholder(html):
    """A drawn page's CSRF form fields (whichever token each was drawn with, kept parts included)
    turned into the placeholder, for keeping."""
    return _TOKEN_FIELD.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", html)


def with_readers_token(html, request):
    """A kept drawing with the reader's own CSRF token put in."""
    return html.replace(CSRF_PLACEHOLDER, get_token(request))
