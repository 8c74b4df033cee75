from django.urls import path

from employers import views

app_name = "employer"

urlpatterns = [
    path("", views.EmployerHomeView.as_view(), name="home"),
    path("profile/", views.EmployerProfileView.as_view(), name="profile"),
    path("vacancies/new/", views.VacancyEditView.as_view(), name="vacancy_create"),
    path("vacancies/<int:pk>/", views.EmployerVacancyDetailView.as_view(), name="vacancy"),
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
    path("applications/<int:pk>/move/", views.MoveApplicationView.as_view(), name="application_move"),
    path("applications/<int:pk>/hire/", views.HireConfirmationView.as_view(), name="application_hire"),
    path(
        "applications/<int:pk>/cancel-hire/",
        views.HireCancellationView.as_view(),
        name="application_cancel_hire",
    ),
]
