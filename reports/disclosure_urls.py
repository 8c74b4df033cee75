from django.urls import path

from reports import disclosure_views

app_name = "disclosure"

urlpatterns = [
    path("", disclosure_views.plan_list, name="plan_list"),
    path("<int:plan_id>/", disclosure_views.plan_detail, name="plan_detail"),
    path("<int:plan_id>/plan.pdf", disclosure_views.plan_pdf, name="plan_pdf"),
    path("<int:plan_id>/results.xlsx", disclosure_views.plan_xlsx, name="plan_xlsx"),
]
