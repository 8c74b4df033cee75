"""Refuse an upload that is too large from its declared size, before anything reads its body.

Django's own limits (DATA_UPLOAD_MAX_MEMORY_SIZE) leave file parts out, and the CSRF check reads
the whole body of a POST; this runs in __call__, before any view or process_view, so a request
that says it is larger than the import limit is answered 413 without being read. The reverse
proxy's client_max_body_size (docs/DEPLOY.md) does the same in front of the portal."""

from django.conf import settings
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# The multipart envelope and the other form fields around the file.
FORM_OVERHEAD_BYTES = 1024 * 1024


def largest_upload():
    """The largest file any upload accepts: an import, or a resume file."""
    return max(settings.IMPORT_MAX_UPLOAD_BYTES, getattr(settings, "RESUME_MAX_UPLOAD_BYTES", 0))


def request_size_limit():
    return largest_upload() + FORM_OVERHEAD_BYTES


class UploadSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > request_size_limit():
            message = _("파일이 너무 큽니다. %(limit)s 이하의 파일만 올릴 수 있습니다.") % {
                "limit": filesizeformat(largest_upload())
            }
            return render(request, "spreadsheets/upload_too_large.html", {"message": message}, status=413)
        return self.get_response(request)
