from django.urls import path

from interviews import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("<int:pk>/", views.EventDetailView.as_view(), name="detail"),
    path("slots/<int:pk>/book/", views.BookSlotView.as_view(), name="book"),
    path("bookings/<int:pk>/cancel/", views.CancelBookingView.as_view(), name="cancel_booking"),
    path("bookings/<int:pk>/booking.ics", views.BookingCalendarView.as_view(), name="booking_ics"),
]
