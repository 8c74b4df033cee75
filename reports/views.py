"""The dashboards for district staff and managers (/dashboard/)."""

import json
import logging

from celery.backends.base import DisabledBackend
from celery.result import AsyncResult
from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from kombu.exceptions import OperationalError as BrokerOperationalError
from redis.exceptions import RedisError

from casework import selectors as casework_selectors
from guro_jobs.celery import app as celery_app
from guro_jobs.health import broker_status
from reports import fragments, kept_pages, presenters, selectors
from reports.forecast import FORECAST_METHOD
from reports.on_demand import compute_on_demand, forget_on_demand
from reports.permissions import dashboard_access_required
from reports.tasks import recompute_dashboard

logger = logging.getLogger(__name__)

# What .delay() raises when Redis (the broker) is down or unreachable.
BROKER_ERRORS = (BrokerOperationalError, RedisError, ConnectionError, OSError)

STEP_LABELS = {
    "sectors": gettext_lazy("부문별·연도별 실적"),
    "programs": gettext_lazy("사업별 실적"),
    "agreements": gettext_lazy("협약별 실적"),
    "digital_valley": gettext_lazy("디지털단지 채용"),
    "dongs": gettext_lazy("행정동별 실적"),
    "priority_groups": gettext_lazy("우선 지원 대상별 실적"),
    "retention": gettext_lazy("고용 유지"),
    "median_wage": gettext_lazy("임금 중앙값"),
    "funnel": gettext_lazy("신청·알선·채용"),
    "labour_stats": gettext_lazy("고용 통계"),
    "forecast": gettext_lazy("연말 예상 실적"),
}


def _year(value):
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 2000 <= year <= 2100 else None


def _dashboard_url(year):
    return f"{reverse('reports:dashboard')}?year={year}"


@never_cache
@require_GET
@dashboard_access_required
def dashboard(request):
    """The year's dashboard; the current year (Asia/Seoul) by default. A year with a plan or
    placements but no snapshot yet is computed on demand, with the progress page meanwhile."""
    this_year = timezone.localdate().year
    year = _year(request.GET.get("year")) or this_year
    header = selectors.dashboard_header(year)
    if header.snapshot is None and (year == this_year or selectors.year_has_figures(year)):
        task_id = compute_on_demand(year)
        if task_id:
            url = reverse("reports:recompute_progress", args=[task_id])
            return redirect(f"{url}?year={year}")
        if task_id is None:
            messages.warning(
                request,
                _(
                    "작업 대기열에 연결할 수 없어 이 연도를 지금 계산하지 못했습니다. 잠시 후 다시 열어 주세요."
                ),
            )
        header = selectors.dashboard_header(year)  # computed in-process just now, if no broker
    context, drawn_from = _dashboard_context(year, header)
    return kept_pages.render_kept(request, "reports/dashboard.html", context, parts=drawn_from)


def _dashboard_context(year, header):
    """The dashboard's context, and every value the page is drawn from besides the reader (the
    key of kept_pages; None while the page cache is off). The figures' tables and chart data are
    kept page fragments (reports/fragments.py: drawn once per stored snapshot and language, by
    the recompute itself); the casework figures are counted at most every ten minutes."""
    this_year = timezone.localdate().year
    snapshot = header.snapshot
    years = sorted(set(header.years) | {year, this_year})
    casework_figures = casework_selectors.cached_dashboard_figures(year)
    context = {
        "year": year,
        "current_year": this_year,
        "years": years,
        "snapshot": snapshot,
        "definition": selectors.ACTUAL_DEFINITION,
        "casework_figures": casework_figures,
    }
    if snapshot is None:
        figures_key = fragments.no_snapshot_key(year)
    else:
        figures_key = fragments.fragment_key(snapshot)
        context.update(fragments.figures(snapshot, key=figures_key))
    if figures_key is None:
        return context, None
    drawn_from = (
        year,
        this_year,
        tuple(years),
        figures_key,
        snapshot.computed_at.isoformat() if snapshot else None,
        # Labels are lazy: drawn in the reader's language, which is part of the key too.
        json.dumps(casework_figures, default=str, sort_keys=True),
    )
    return context, drawn_from


@never_cache
@require_GET
@dashboard_access_required
def print_view(request, year):
    """The year's tables for printing, kept like the dashboard (by the snapshot's kept-figures key)."""
    snapshot = selectors.dashboard_header(year).snapshot
    if snapshot is None:
        raise Http404(_("이 연도의 집계가 아직 없습니다."))
    figures_key = fragments.fragment_key(snapshot)
    drawn_from = (
        None if figures_key is None else ("print", year, figures_key, snapshot.computed_at.isoformat())
    )
    return kept_pages.render_kept(
        request, "reports/print.html", lambda: _print_context(snapshot), parts=drawn_from
    )


def _print_context(snapshot):
    return {
        "year": snapshot.year,
        "snapshot": snapshot,
        "definition": selectors.ACTUAL_DEFINITION,
        "forecast_method": FORECAST_METHOD,  # in the reader's language, not the one at compute time
        "data": presenters.with_links(snapshot.data),
    }


@require_POST
@dashboard_access_required
def recompute(request):
    year = _year(request.POST.get("year"))
    if year is None:
        messages.error(request, _("연도를 다시 골라 주세요."))
        return redirect("reports:dashboard")
    # Ask the broker first (≤ 2 s): publishing to a stopped Redis would retry for ~20 s.
    unavailable = not celery_app.conf.task_always_eager and broker_status() == "down"
    if not unavailable:
        try:
            result = recompute_dashboard.apply_async(args=[year], retry_policy={"max_retries": 1})
        except (*BROKER_ERRORS, RuntimeError):  # RuntimeError: the result store gave up reconnecting
            logger.exception("dashboard recompute could not be queued")
            unavailable = True
    if unavailable:
        return render(request, "reports/recompute_unavailable.html", {"year": year}, status=503)
    if result.ready():  # Run in-process (no broker configured): the figures are already new.
        messages.success(request, _("%(year)s년 대시보드를 다시 계산했습니다.") % {"year": year})
        return redirect(_dashboard_url(year))
    url = reverse("reports:recompute_progress", args=[result.id])
    return redirect(f"{url}?year={year}")


def _status(task_id, year):
    state, info = "UNKNOWN", None
    if not isinstance(celery_app.backend, DisabledBackend):  # no result backend: state unknown
        try:
            result = AsyncResult(task_id, app=celery_app)
            state, info = result.state, result.info
        except BROKER_ERRORS:
            pass
    status = {"state": state, "finished": state == "SUCCESS", "failed": state in {"FAILURE", "REVOKED"}}
    if state == "PROGRESS" and isinstance(info, dict):
        status.update(done=info.get("done", 0), total=info.get("total", 0))
        status["step"] = str(STEP_LABELS.get(info.get("step"), info.get("step", "")))
    status["message"] = {
        "PENDING": _("계산 요청이 대기열에 있습니다. 작업자가 곧 시작합니다."),
        "STARTED": _("계산을 시작했습니다."),
        "PROGRESS": _("계산하고 있습니다: %(step)s") % {"step": status.get("step", "")},
        "RETRY": _("데이터베이스 연결 문제로 잠시 후 다시 시도합니다."),
        "SUCCESS": _("계산을 마쳤습니다. 새 집계를 보여 드립니다."),
        "FAILURE": _("계산에 실패했습니다. 잠시 후 다시 요청하거나 담당자에게 알려 주세요."),
        "UNKNOWN": _("작업 상태를 확인할 수 없습니다(작업 대기열 연결 문제). 잠시 후 새로 고쳐 주세요."),
    }.get(state, _("계산하고 있습니다."))
    if year is not None:
        status["dashboard_url"] = _dashboard_url(year)
    return status


@never_cache
@require_GET
@dashboard_access_required
def recompute_progress(request, task_id):
    year = _year(request.GET.get("year"))
    status = _status(task_id, year)
    if status["failed"] and year is not None:
        forget_on_demand(year)  # the next visit asks again instead of following a failure
    if status["finished"] and year is not None:
        forget_on_demand(year)
        messages.success(request, _("%(year)s년 대시보드를 다시 계산했습니다.") % {"year": year})
        return redirect(_dashboard_url(year))
    return render(
        request,
        "reports/recompute_progress.html",
        {"status": status, "year": year, "status_url": reverse("reports:recompute_status", args=[task_id])},
    )


@never_cache
@require_GET
@dashboard_access_required
def recompute_status(request, task_id):
    return JsonResponse(_status(task_id, _year(request.GET.get("year"))))


def _snapshot_or_404(year):
    snapshot = selectors.snapshot_for_year(year)
    if snapshot is None:
        raise Http404(_("이 연도의 집계가 아직 없습니다."))
    return snapshot


@require_GET
@dashboard_access_required
def export_xlsx(request, year):
    snapshot = _snapshot_or_404(year)
    response = HttpResponse(
        presenters.xlsx_bytes(snapshot),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="guro-dashboard-{year}.xlsx"'
    return response


@require_GET
@dashboard_access_required
def export_csv(request, year):
    snapshot = _snapshot_or_404(year)
    response = HttpResponse(
        presenters.csv_text(snapshot).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="guro-dashboard-{year}.csv"'
    return response
