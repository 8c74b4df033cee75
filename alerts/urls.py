from django.urls import path

from alerts import views

app_name = "alerts"

urlpatterns = [
    path("", views.SavedSearchListView.as_view(), name="list"),
    path("<int:pk>/delete/", views.SavedSearchDeleteView.as_view(), name="delete"),
    path("vacancies/<int:pk>/save/", views.SaveVacancyView.as_view(), name="save_vacancy"),
    path("vacancies/<int:pk>/unsave/", views.UnsaveVacancyView.as_view(), name="unsave_vacancy"),
]
