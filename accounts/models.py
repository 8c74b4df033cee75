from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from accounts import roles


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
