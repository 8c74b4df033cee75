from django.urls import path

from interviews import views

app_name = "interviews"

urlpatterns = [
    path("applications/<int:pk>/propose/", views.ProposeInterviewView.as_view(), name="propose"),
    path("<int:pk>/", views.InterviewDetailView.as_view(), name="detail"),
    path("<int:pk>/change/", views.ReproposeInterviewView.as_view(), name="repropose"),
    path("<int:pk>/respond/", views.RespondToInterviewView.as_view(), name="respond"),
    path("<int:pk>/cancel/", views.CancelInterviewView.as_view(), name="cancel"),
    path("<int:pk>/outcome/", views.InterviewOutcomeView.as_view(), name="outcome"),
    path("<int:pk>/interview.ics", views.InterviewCalendarView.as_view(), name="ics"),
]
