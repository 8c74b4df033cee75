"""Job alerts: a resident's saved vacancy search, and which vacancies were already mailed."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SavedSearch(models.Model):
    """A vacancy search a resident wants to hear about; the query string of /vacancies/."""

    resident = models.ForeignKey(
        "residents.Resident",
        verbose_name=_("구직자"),
        on_delete=models.CASCADE,
        related_name="saved_searches",
    )
    query = models.CharField(_("검색 조건"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("저장 일시"), default=timezone.now)
    last_sent_at = models.DateTimeField(_("최근 발송 일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("저장한 검색")
        verbose_name_plural = _("저장한 검색")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["resident", "query"], name="unique_saved_search_per_resident")
        ]

    def __str__(self):
        return f"{self.resident.name} · {self.query or _('전체 공고')}"


class SentAlert(models.Model):
    """One vacancy mailed for one saved search; the pair is unique so it is never mailed twice."""

    saved_search = models.ForeignKey(
        SavedSearch, verbose_name=_("저장한 검색"), on_delete=models.CASCADE, related_name="sent_alerts"
    )
    vacancy = models.ForeignKey(
        "employers.Vacancy", verbose_name=_("채용 공고"), on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(_("발송 일시"), default=timezone.now)

    class Meta:
        verbose_name = _("발송한 채용 알림")
        verbose_name_plural = _("발송한 채용 알림")
        constraints = [models.UniqueConstraint(fields=["saved_search", "vacancy"], name="unique_sent_alert")]

    def __str__(self):
        return f"{self.saved_search_id} → {self.vacancy_id}"


class SavedVacancy(models.Model):
    """A vacancy a resident keeps an eye on (관심 공고); one closing-soon reminder is mailed for it."""

    resident = models.ForeignKey(
        "residents.Resident",
        verbose_name=_("구직자"),
        on_delete=models.CASCADE,
        related_name="saved_vacancies",
    )
    vacancy = models.ForeignKey(
        "employers.Vacancy", verbose_name=_("채용 공고"), on_delete=models.CASCADE, related_name="+"
    )
    saved_at = models.DateTimeField(_("저장 일시"), default=timezone.now)
    reminded_at = models.DateTimeField(_("마감 임박 알림 발송 일시"), null=True, blank=True)

    class Meta:
        verbose_name = _("관심 공고")
        verbose_name_plural = _("관심 공고")
        ordering = ["-saved_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["resident", "vacancy"], name="unique_saved_vacancy_per_resident")
        ]

    def __str__(self):
        return f"{self.resident_id} ♥ {self.vacancy_id}"

    @property
    def is_closed(self):
        """Closed, filled, withdrawn from review or past its closing day: no longer open to apply."""
        vacancy = self.vacancy
        if vacancy.status != "open":
            return True
        return bool(vacancy.closes_on and vacancy.closes_on < timezone.localdate())
