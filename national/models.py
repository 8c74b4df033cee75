"""The record of each run of the national vacancy feed (고용24 동기화), for staff in the admin."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SyncRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("진행 중")
        SUCCEEDED = "succeeded", _("완료")
        PARTIAL = "partial", _("일부 완료")
        FAILED = "failed", _("실패")

    class Origin(models.TextChoices):
        API = "api", _("고용24 API")
        FILE = "file", _("저장된 응답 파일")

    started_at = models.DateTimeField(_("시작 일시"), default=timezone.now)
    finished_at = models.DateTimeField(_("종료 일시"), null=True, blank=True)
    status = models.CharField(_("결과"), max_length=10, choices=Status.choices, default=Status.RUNNING)
    origin = models.CharField(_("가져온 곳"), max_length=10, choices=Origin.choices, default=Origin.API)
    pages = models.PositiveIntegerField(_("받은 페이지"), default=0)
    fetched = models.PositiveIntegerField(_("받은 공고"), default=0)
    created = models.PositiveIntegerField(_("새로 등록"), default=0)
    updated = models.PositiveIntegerField(_("갱신"), default=0)
    closed = models.PositiveIntegerField(_("마감 처리"), default=0)
    duplicates = models.PositiveIntegerField(
        _("중복 제외"),
        default=0,
        help_text=_("협약·참여 기업이 이 포털에 직접 올린 공고와 같아 가져오지 않은 공고"),
    )
    skipped = models.PositiveIntegerField(_("건너뜀"), default=0)
    errors = models.TextField(_("오류"), blank=True)

    class Meta:
        verbose_name = _("고용24 동기화 기록")
        verbose_name_plural = _("고용24 동기화 기록")
        ordering = ["-started_at", "-id"]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} · {self.get_status_display()}"
