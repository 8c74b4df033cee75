from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, send_mail

from notifications import sms


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_mail_task(*, user_id, kind, subject, body, attachments=None):
    """Send one notification mail (console backend by default, SMTP from the environment)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or kind in (user.mail_opt_outs or []):
        return False
    footer = "\n\n—\n구로구청 일자리지원과 · 구로 일자리 원스톱 포털\n알림 메일 설정은 내 정보 화면에서 바꿀 수 있습니다."
    if attachments:  # e.g. an interview's calendar file (.ics)
        message = EmailMessage(
            f"[구로 일자리] {subject}", body + footer, settings.DEFAULT_FROM_EMAIL, [user.email]
        )
        for attachment in attachments:
            message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
        message.send()
        return True
    send_mail(f"[구로 일자리] {subject}", body + footer, settings.DEFAULT_FROM_EMAIL, [user.email])
    return True


# The provider being down or slow (sms.SmsProviderUnavailable, an OSError) is retried with
# exponential backoff; a refusal (sms.SmsRefused: bad number, unregistered sender) is not.
@shared_task(
    acks_late=True, autoretry_for=(OSError,), retry_backoff=True, retry_backoff_max=600, max_retries=6
)
def send_text_task(*, body, title="", user_id=None, kind=None, phone=None):
    """Send one text message: a notice to a user (re-checking their choice), or a code to a number."""
    if user_id is not None:
        user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
        if user is None or (kind and kind in (user.mail_opt_outs or [])):
            return False
        phone = sms.phone_number_of(user)
    if not phone:
        return False
    try:
        return sms.send_text(to=phone, body=body, title=title) == 1
    except sms.SmsRefused as error:
        # Logged without the text: it may hold a reset code.
        sms.logger.warning("text message refused by the provider: %s", error)
        return False
