from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TextedCode(models.Model):
    """A six-digit code sent by text (a password reset, a number's confirmation): kept only as a
    hash, valid until `expires_at` and for a number of tries, used once."""

    phone = models.CharField(_("보낸 번호"), max_length=13)
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    tries = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.user} · {self.created_at:%Y-%m-%d %H:%M}"

    def is_usable(self, *, now, tries):
        """Not expired at `now`, and fewer than `tries` wrong tries so far."""
        return self.expires_at > now and self.tries < tries


class PhoneConfirmationCode(TextedCode):
    """The code texted to the number an account gives for its notices: valid
    PHONE_CONFIRMATION_MINUTES and PHONE_CONFIRMATION_TRIES tries."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="phone_confirmation_codes"
    )

    class Meta:
        verbose_name = _("휴대전화 번호 확인 인증번호")
        verbose_name_plural = _("휴대전화 번호 확인 인증번호")
        indexes = [models.Index(fields=["user", "created_at"])]
