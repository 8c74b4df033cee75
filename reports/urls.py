from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("recompute/", views.recompute, name="recompute"),
    path("recompute/<str:task_id>/", views.recompute_progress, name="recompute_progress"),
    path("recompute/<str:task_id>/status/", views.recompute_status, name="recompute_status"),
    path("<int:year>/print/", views.print_view, name="print"),
    path("<int:year>/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<int:year>/export.csv", views.export_csv, name="export_csv"),
]
