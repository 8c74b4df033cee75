from django.urls import path

from resumes import views

app_name = "resumes"

urlpatterns = [
    path("", views.ResumeListView.as_view(), name="list"),
    path("new/", views.ResumeEditView.as_view(), name="create"),
    path("<int:pk>/", views.ResumeEditView.as_view(), name="edit"),
    path("<int:pk>/delete/", views.ResumeDeleteView.as_view(), name="delete"),
    path("<int:pk>/default/", views.ResumeDefaultView.as_view(), name="set_default"),
    path("<int:pk>/file/", views.ResumeFileView.as_view(), name="file"),
]
