from django.urls import path

from employers import views

app_name = "employer"

# The applicant and hire pages (placements/employer_urls.py) are added to this namespace by
# guro_jobs/urls.py.

urlpatterns = [
    path("", views.EmployerHomeView.as_view(), name="home"),
    path("profile/", views.EmployerProfileView.as_view(), name="profile"),
    path("vacancies/new/", views.VacancyEditView.as_view(), name="vacancy_create"),
    path("vacancies/<int:pk>/edit/", views.VacancyEditView.as_view(), name="vacancy_edit"),
    path(
        "vacancies/<int:pk>/submit/",
        views.VacancyActionView.as_view(),
        {"action": "submit"},
        name="vacancy_submit",
    ),
    path(
        "vacancies/<int:pk>/close/",
        views.VacancyActionView.as_view(),
        {"action": "close"},
        name="vacancy_close",
    ),
    path(
        "vacancies/<int:pk>/filled/",
        views.VacancyActionView.as_view(),
        {"action": "filled"},
        name="vacancy_filled",
    ),
]
