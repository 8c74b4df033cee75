"""/plans/ and /plans/<id>/ (page, PDF, results workbook): open to everyone."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from reports import disclosure, disclosure_files


@require_GET
def plan_list(request):
    return render(request, "reports/disclosure/plan_list.html", {"plans": disclosure.plan_list()})


@require_GET
def plan_detail(request, plan_id):
    plan = disclosure.plan_or_404(plan_id)
    context = {"plan": plan, "results": disclosure.plan_results(plan)}
    return render(request, "reports/disclosure/plan_detail.html", context)


@require_GET
def plan_pdf(request, plan_id):
    plan = disclosure.plan_or_404(plan_id)
    response = HttpResponse(
        disclosure_files.pdf_bytes(plan, disclosure.plan_results(plan)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="guro-plan-{plan.pk}.pdf"'
    return response


@require_GET
def plan_xlsx(request, plan_id):
    plan = disclosure.plan_or_404(plan_id)
    response = HttpResponse(
        disclosure_files.xlsx_bytes(plan, disclosure.plan_results(plan)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="guro-plan-{plan.pk}-results.xlsx"'
    return response
