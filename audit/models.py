"""The personal-data access log (개인정보처리시스템 접속기록), PIPA safeguard standard Art. 8.

Every view, change, entry, deletion, print or export of a resident's record by staff is kept
with the account, the time, where from (IP), whose record and what was done. The records are
append-only: the admin offers no add, change or delete, and on PostgreSQL a trigger refuses
UPDATE and DELETE (migration 0002). They are kept at least AUDIT_LOG_RETENTION_YEARS (2) years
— a system holding 50,000 or more people must — and no task in the portal deletes them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonalDataAccess(models.Model):
    """One access to residents' personal data by a staff account."""

    class Action(models.TextChoices):
        VIEW = "view", _("조회")
        ADD = "add", _("입력")
        CHANGE = "change", _("수정")
        DELETE = "delete", _("삭제")
        PRINT = "print", _("출력")
        EXPORT = "export", _("다운로드")

    # No database constraint on either reference: the record must outlive the account and the
    # resident it names, so the ids and the labels are kept as they were.
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("계정"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    account_label = models.CharField(_("계정 아이디"), max_length=150)
    occurred_at = models.DateTimeField(_("접속 일시"), default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField(_("접속지(IP)"), null=True, blank=True)
    resident = models.ForeignKey(
        "residents.Resident",
        verbose_name=_("정보주체(구직자)"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    resident_label = models.CharField(_("정보주체"), max_length=100, blank=True)
    action = models.CharField(_("수행 업무"), max_length=10, choices=Action.choices)
    target = models.CharField(_("처리 대상"), max_length=100, blank=True)
    detail = models.TextField(_("사유·내용"), blank=True)
    row_count = models.PositiveIntegerField(_("건수"), null=True, blank=True)

    class Meta:
        verbose_name = _("개인정보 접속 기록")
        verbose_name_plural = _("개인정보 접속 기록")
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["account", "occurred_at"]),
            models.Index(fields=["action", "occurred_at"]),
        ]

    def __str__(self):
        return f"{self.account_label} · {self.get_action_display()} · {self.resident_label or self.target}"
