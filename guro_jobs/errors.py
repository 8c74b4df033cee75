"""The portal's own refusal and error pages (403, 404, 500), and one log line for expected refusals."""

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

logger = logging.getLogger(__name__)

EXPECTED_REFUSALS = (PermissionDenied, Http404)


class ExpectedRefusalFilter(logging.Filter):
    """A refused page (403) or a missing one (404) is what the portal means to answer: one warning
    line with the path, not a traceback that reads like a fault. Anything else keeps its traceback."""

    def filter(self, record):
        if record.exc_info and isinstance(record.exc_info[1], EXPECTED_REFUSALS):
            record.exc_info = None
            record.exc_text = None
        return True


def install_expected_refusal_filter():
    """Called once the logging configuration is in place (guro_jobs.apps.GuroJobsConfig.ready)."""
    request_logger = logging.getLogger("django.request")
    if not any(isinstance(item, ExpectedRefusalFilter) for item in request_logger.filters):
        request_logger.addFilter(ExpectedRefusalFilter())


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """The full page with the portal's header; if that page itself fails (the database may be the
    cause), a plain Korean page without anything that could fail again."""
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("the 500 page could not be rendered with its header")
        return HttpResponseServerError(loader.get_template("500_plain.html").render())
