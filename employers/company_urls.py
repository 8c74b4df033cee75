from django.urls import path

from employers import views

app_name = "companies"

urlpatterns = [
    path("<int:pk>/", views.CompanyDetailView.as_view(), name="detail"),
]
