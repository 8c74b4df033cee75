from celery import shared_task

from interviews import services


@shared_task(name="interviews.send_interview_reminders", acks_late=True)
def send_interview_reminders():
    """Mail the day-before reminder of confirmed interviews (each interview and time once)."""
    return services.send_due_reminders()


@shared_task(name="interviews.send_booking_reminders", acks_late=True)
def send_booking_reminders():
    """Mail the day-before reminder of booked hiring-event slots (each booking and time once)."""
    return services.send_due_booking_reminders()
