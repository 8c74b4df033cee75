from django.urls import path

from employers import views

app_name = "vacancies"

urlpatterns = [
    path("", views.VacancyListView.as_view(), name="list"),
    path("save-search/", views.SaveSearchView.as_view(), name="save_search"),
    path("<int:pk>/", views.VacancyDetailView.as_view(), name="detail"),
    path("<int:pk>/apply/", views.VacancyApplyView.as_view(), name="apply"),
]
