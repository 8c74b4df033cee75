from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from guro_jobs.health import broker_status, database_status
from guro_jobs.home import home_figures


@never_cache
@require_GET
def healthz(request):
    """Open to anyone and never a 500: always 200, each part "ok", "eager" or "down"."""
    return JsonResponse({"database": database_status(), "broker": broker_status()})


def home(request):
    return render(request, "home.html", {"figures": home_figures()})
