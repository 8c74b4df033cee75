from django.urls import path

from employers import views

app_name = "vacancies"

# Applying (placements/vacancy_urls.py) and saving a search (alerts/vacancy_urls.py) are added to this
# namespace by guro_jobs/urls.py.

urlpatterns = [
    path("", views.VacancyListView.as_view(), name="list"),
    path("<int:pk>/", views.VacancyDetailView.as_view(), name="detail"),
]
