from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from accounts import roles
from guro_jobs.validators import validate_phone
from notifications.kinds import Channel
from notifications.models import TextedCode


class User(AbstractUser):
    """A person who logs in: district staff, a manager, an employer's user or a resident."""

    employer = models.ForeignKey(
        "employers.Employer",
        verbose_name=_("소속 기업"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("기업 담당자 계정만 해당합니다. 한 계정은 한 기업에만 속합니다."),
    )
    mail_opt_outs = models.JSONField(
        _("받지 않을 알림 메일"),
        default=list,
        blank=True,
        help_text=_("받지 않기로 한 알림 메일 종류의 목록입니다."),
    )
    notice_channel = models.CharField(
        _("알림 받는 방법"),
        max_length=5,
        choices=Channel.choices,
        default=Channel.EMAIL,
        help_text=_("받기로 한 종류의 알림을 메일, 문자 또는 둘 다로 보냅니다."),
    )
    phone = models.CharField(
        _("휴대전화 번호(문자 알림)"),
        max_length=13,
        blank=True,
        validators=[validate_phone],
        help_text=_("구직자는 구직자 정보의 휴대전화 번호로 받으므로 비워 둡니다."),
    )
    # Set when the person typed the code texted to `phone`; cleared when the number changes. Texts
    # go to an account's own number only once it is confirmed (notifications/phone_confirmation.py).
    phone_confirmed_at = models.DateTimeField(_("휴대전화 번호 확인 일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("사용자")
        verbose_name_plural = _("사용자")

    def __str__(self):
        full_name = self.get_full_name()
        return f"{full_name} ({self.username})" if full_name else self.username

    @cached_property
    def role_names(self):
        return set(self.groups.values_list("name", flat=True))

    def has_role(self, role):
        return role in self.role_names

    @property
    def is_district_staff(self):
        return self.is_superuser or self.has_role(roles.DISTRICT_STAFF)

    @property
    def is_manager(self):
        return self.has_role(roles.MANAGER)

    @property
    def is_employer_user(self):
        return self.employer_id is not None and self.has_role(roles.EMPLOYER)

    @property
    def is_resident_user(self):
        return self.has_role(roles.RESIDENT)


class PasswordResetCode(TextedCode):
    """The code texted to reset a password: valid PASSWORD_RESET_CODE_MINUTES and
    PASSWORD_RESET_CODE_TRIES tries."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="password_reset_codes"
    )

    class Meta:
        verbose_name = _("비밀번호 재설정 인증번호")
        verbose_name_plural = _("비밀번호 재설정 인증번호")
        indexes = [models.Index(fields=["phone", "created_at"])]


class PasswordResetEvent(models.Model):
    """Who reset a password, when, how and from where (no codes, links or passwords)."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("메일")
        TEXT = "text", _("문자")

    class Step(models.TextChoices):
        REQUESTED = "requested", _("재설정 요청")
        CODE_FAILED = "code_failed", _("인증번호 불일치")
        COMPLETED = "completed", _("비밀번호 변경 완료")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("계정"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    account_label = models.CharField(_("계정 아이디"), max_length=150)
    channel = models.CharField(_("경로"), max_length=5, choices=Channel.choices)
    step = models.CharField(_("단계"), max_length=12, choices=Step.choices)
    occurred_at = models.DateTimeField(_("일시"), default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField(_("접속지(IP)"), null=True, blank=True)

    class Meta:
        verbose_name = _("비밀번호 재설정 기록")
        verbose_name_plural = _("비밀번호 재설정 기록")
        ordering = ["-occurred_at", "-id"]

    def __str__(self):
        return f"{self.account_label} · {self.get_step_display()} ({self.get_channel_display()})"
