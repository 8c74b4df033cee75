from django.urls import path

from conversations import views

app_name = "conversations"

urlpatterns = [
    path("applications/<int:pk>/", views.ThreadView.as_view(), name="thread"),
    path("applications/<int:pk>/help/", views.RequestHelpView.as_view(), name="request_help"),
    path("applications/<int:pk>/help/close/", views.CloseHelpView.as_view(), name="close_help"),
]
