"""A short message thread on each job application, between the applicant and the employer's users."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Thread(models.Model):
    """The one thread of an application. Staff may read it only while one side has asked for help."""

    application = models.OneToOneField(
        "placements.JobApplication",
        verbose_name=_("채용 지원"),
        on_delete=models.CASCADE,
        related_name="thread",
    )
    created_at = models.DateTimeField(_("시작 일시"), default=timezone.now)
    last_message_at = models.DateTimeField(_("마지막 메시지 일시"), null=True, blank=True)
    help_requested_at = models.DateTimeField(_("도움 요청 일시"), null=True, blank=True)
    help_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("도움을 요청한 사람"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    help_note = models.CharField(_("도움 요청 내용"), max_length=500, blank=True)
    help_closed_at = models.DateTimeField(_("도움 종료 일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("지원 메시지 대화")
        verbose_name_plural = _("지원 메시지 대화")
        ordering = ["-last_message_at", "-id"]
        indexes = [models.Index(fields=["help_requested_at"], name="thread_help_requested")]

    def __str__(self):
        return str(self.application)

    @property
    def help_open(self):
        return self.help_requested_at is not None and self.help_closed_at is None


class Message(models.Model):
    class Side(models.TextChoices):
        RESIDENT = "resident", _("구직자")
        EMPLOYER = "employer", _("기업")
        STAFF = "staff", _("일자리지원과")

    thread = models.ForeignKey(
        Thread, verbose_name=_("대화"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("보낸 사람"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,  # the demo's messages, and an account deleted since
        related_name="+",
    )
    side = models.CharField(_("보낸 쪽"), max_length=10, choices=Side.choices)
    body = models.TextField(_("내용"))
    sent_at = models.DateTimeField(_("보낸 일시"), default=timezone.now)

    class Meta:
        verbose_name = _("지원 메시지")
        verbose_name_plural = _("지원 메시지")
        ordering = ["sent_at", "id"]
        constraints = [models.CheckConstraint(condition=~Q(body=""), name="message_body_not_empty")]

    def __str__(self):
        return f"{self.get_side_display()} · {self.sent_at:%Y-%m-%d %H:%M}"
