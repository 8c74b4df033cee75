from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from guro_jobs.health import broker_status, database_status
from guro_jobs.home import home_figures


@never_cache
@require_GET
def healthz(request):
    """Open to anyone and never a 500: always 200, each part "ok", "eager" or "down"."""
    return JsonResponse({"database": database_status(), "broker": broker_status()})


@require_GET
def ping(request):
    """The cheapest page the server can give: the floor for the load test (bench/)."""
    return HttpResponse("ok", content_type="text/plain")


def login_locked_out(request, credentials, *args, **kwargs):
    """What django-axes shows on every login path once a username and address are locked."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes}
    return render(request, "guro_jobs/lockout.html", context, status=429)


def home(request):
    return render(request, "home.html", {"figures": home_figures()})


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico on every site; answer with the portal's own icon (static files)."""
    response = redirect(static("favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response
