from django.urls import path

from programs import views

app_name = "programs"

urlpatterns = [
    path("", views.ProgramListView.as_view(), name="list"),
    path("<int:pk>/", views.ProgramDetailView.as_view(), name="detail"),
    path("<int:pk>/apply/", views.ProgramActionView.as_view(), {"action": "apply"}, name="apply"),
    path("<int:pk>/withdraw/", views.ProgramActionView.as_view(), {"action": "withdraw"}, name="withdraw"),
]
