"""An uploaded spreadsheet on its way in: checked (dry run) first, then written on confirmation."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """One upload: its file, its dry-run report, and whether it was written."""

    class Kind(models.TextChoices):
        RESIDENTS = "residents", _("구직자")
        EMPLOYERS = "employers", _("기업")
        VACANCIES = "vacancies", _("채용 공고")
        PLACEMENTS = "placements", _("취업·참여 실적")

    class Status(models.TextChoices):
        QUEUED = "queued", _("대기 중")
        CHECKING = "checking", _("검사 중")
        CHECKED = "checked", _("검사 완료")
        INVALID = "invalid", _("오류 있음")
        IMPORTING = "importing", _("저장 중")
        IMPORTED = "imported", _("저장 완료")
        FAILED = "failed", _("실패")

    kind = models.CharField(_("자료 종류"), max_length=20, choices=Kind.choices)
    filename = models.CharField(_("파일 이름"), max_length=200)
    content = models.BinaryField(_("파일 내용"))
    status = models.CharField(_("상태"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    total_rows = models.PositiveIntegerField(_("행 수"), default=0)
    report = models.JSONField(_("검사 결과"), default=dict, blank=True)
    task_id = models.CharField(_("작업 번호"), max_length=50, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("올린 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("올린 일시"), default=timezone.now)
    finished_at = models.DateTimeField(_("끝난 일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("엑셀 가져오기")
        verbose_name_plural = _("엑셀 가져오기")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.filename}"

    @property
    def is_running(self):
        return self.status in {self.Status.QUEUED, self.Status.CHECKING, self.Status.IMPORTING}
