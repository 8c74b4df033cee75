"""Casework (사례 관리) as the Jobs Support Division (일자리지원과) runs it: teams, the counsellor
assigned to each resident, case notes, follow-up tasks and internal referrals."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Team(models.Model):
    """One of the division's teams; staff name them (the plan created three)."""

    name = models.CharField(_("팀 이름"), max_length=60, unique=True)
    description = models.CharField(_("담당 업무"), max_length=200, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("팀원"), blank=True, related_name="casework_teams"
    )
    sort_order = models.PositiveSmallIntegerField(_("표시 순서"), default=0)
    is_active = models.BooleanField(_("운영 중"), default=True)

    class Meta:
        verbose_name = _("팀")
        verbose_name_plural = _("팀")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class CaseAssignment(models.Model):
    """Who is in charge of a resident's case: a counsellor and their team."""

    resident = models.OneToOneField(
        "residents.Resident",
        verbose_name=_("구직자"),
        on_delete=models.CASCADE,
        related_name="case_assignment",
    )
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("담당 상담사"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_assignments",
    )
    team = models.ForeignKey(
        Team, verbose_name=_("담당 팀"), on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    assigned_at = models.DateTimeField(_("배정 일시"), default=timezone.now)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("배정한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("사례 담당 배정")
        verbose_name_plural = _("사례 담당 배정")
        ordering = ["-assigned_at", "-id"]

    def __str__(self):
        return f"{self.resident.name} · {self.counsellor or '-'} · {self.team or '-'}"

    def clean(self):
        if self.counsellor_id is None and self.team_id is None:
            raise ValidationError(_("담당 상담사나 담당 팀 중 하나는 골라 주세요."))
        if self.counsellor_id is not None and not self.counsellor.is_district_staff:
            raise ValidationError({"counsellor": _("담당 상담사는 일자리지원과 직원이어야 합니다.")})


class NoteTemplate(models.TextChoices):
    INITIAL_INTERVIEW = "initial_interview", _("초기상담")
    VOCATIONAL_COUNSELLING = "vocational_counselling", _("직업상담")
    FOLLOW_UP = "follow_up", _("사후관리")
    FREE_TEXT = "free_text", _("자유 기록")


# The headings each template starts the note with; staff fill in under them.
NOTE_TEMPLATE_TEXT = {
    NoteTemplate.INITIAL_INTERVIEW: _(
        "■ 상담 경위\n\n■ 가구·생활 상황\n\n■ 구직 희망(직종·근무 조건)\n\n■ 우선 지원 대상 서류\n\n■ 다음 단계"
    ),
    NoteTemplate.VOCATIONAL_COUNSELLING: _(
        "■ 경력·보유 기술\n\n■ 부족한 기술과 교육 안내\n\n■ 추천 공고·사업\n\n■ 합의한 계획"
    ),
    NoteTemplate.FOLLOW_UP: _("■ 근무 상황\n\n■ 어려움·요청 사항\n\n■ 고용 유지 여부\n\n■ 다음 연락 예정"),
    NoteTemplate.FREE_TEXT: "",
}


class CaseNote(models.Model):
    """A counsellor's note on a case, started from a template or written freely."""

    resident = models.ForeignKey(
        "residents.Resident", verbose_name=_("구직자"), on_delete=models.CASCADE, related_name="case_notes"
    )
    template = models.CharField(_("상담 양식"), max_length=30, choices=NoteTemplate.choices)
    body = models.TextField(_("내용"))
    written_at = models.DateTimeField(_("작성 일시"), default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("작성한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("상담 기록")
        verbose_name_plural = _("상담 기록")
        ordering = ["-written_at", "-id"]
        indexes = [models.Index(fields=["resident", "written_at"])]

    def __str__(self):
        return f"{self.resident.name} · {self.get_template_display()} · {self.written_at:%Y-%m-%d}"

    def clean(self):
        text = (self.body or "").strip()
        untouched = (
            self.template in NOTE_TEMPLATE_TEXT and text == str(NOTE_TEMPLATE_TEXT[self.template]).strip()
        )
        if not text or untouched:
            raise ValidationError({"body": _("상담 내용을 적어 주세요.")})


class FollowUpTask(models.Model):
    """Something a counsellor has to do for a case by a day."""

    resident = models.ForeignKey(
        "residents.Resident",
        verbose_name=_("구직자"),
        on_delete=models.CASCADE,
        related_name="follow_up_tasks",
    )
    title = models.CharField(_("할 일"), max_length=200)
    due_on = models.DateField(_("기한"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("담당 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_up_tasks",
    )
    created_at = models.DateTimeField(_("등록 일시"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("등록한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    done_at = models.DateTimeField(_("완료 일시"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("완료한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("후속 조치")
        verbose_name_plural = _("후속 조치")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["assignee", "done_at", "due_on"])]

    def __str__(self):
        return f"{self.resident.name} · {self.title} · {self.due_on:%Y-%m-%d}"

    @property
    def is_overdue(self):
        return self.done_at is None and self.due_on < timezone.localdate()


class Referral(models.Model):
    """An internal referral (내부 의뢰) of a resident to another team or counsellor, or to a
    program or a partner employer; the receiver accepts or returns it."""

    class Status(models.TextChoices):
        MADE = "made", _("의뢰됨")
        ACCEPTED = "accepted", _("수락")
        RETURNED = "returned", _("반송")

    resident = models.ForeignKey(
        "residents.Resident", verbose_name=_("구직자"), on_delete=models.CASCADE, related_name="referrals"
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("의뢰한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals_made",
    )
    to_team = models.ForeignKey(
        Team,
        verbose_name=_("받는 팀"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
    )
    to_counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("받는 상담사"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals_received",
    )
    to_program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("받는 일자리 사업"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
    )
    to_employer = models.ForeignKey(
        "employers.Employer",
        verbose_name=_("받는 협력 기업"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
    )
    reason = models.TextField(_("의뢰 사유"))
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.MADE)
    created_at = models.DateTimeField(_("의뢰 일시"), default=timezone.now)
    responded_at = models.DateTimeField(_("처리 일시"), null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("처리한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    response_note = models.TextField(_("처리 의견·반송 사유"), blank=True)

    class Meta:
        verbose_name = _("내부 의뢰")
        verbose_name_plural = _("내부 의뢰")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(to_team__isnull=False)
                | Q(to_counsellor__isnull=False)
                | Q(to_program__isnull=False)
                | Q(to_employer__isnull=False),
                name="referral_has_a_receiver",
            ),
            models.CheckConstraint(
                condition=Q(status="made", responded_at__isnull=True)
                | Q(~Q(status="made"), responded_at__isnull=False),
                name="referral_response_matches_status",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.resident.name} → {self.receiver_label}"

    @property
    def receiver_label(self):
        parts = [
            str(target)
            for target in (self.to_team, self.to_counsellor, self.to_program, self.to_employer)
            if target
        ]
        return " · ".join(parts)

    def clean(self):
        if not any([self.to_team_id, self.to_counsellor_id, self.to_program_id, self.to_employer_id]):
            raise ValidationError(_("받는 팀, 상담사, 일자리 사업 또는 협력 기업 중 하나를 골라 주세요."))
        if not (self.reason or "").strip():
            raise ValidationError({"reason": _("의뢰 사유를 적어 주세요.")})
        if self.to_counsellor_id is not None and not self.to_counsellor.is_district_staff:
            raise ValidationError({"to_counsellor": _("받는 상담사는 일자리지원과 직원이어야 합니다.")})
        if self.to_counsellor_id is not None and self.to_counsellor_id == self.referred_by_id:
            raise ValidationError({"to_counsellor": _("자기 자신에게는 의뢰할 수 없습니다.")})


class FollowingJob(models.Model):
    """The job that followed a youth internship or a job-training course (the plan's
    internship-to-job conversion and training-to-hire link)."""

    program_application = models.OneToOneField(
        "programs.ProgramApplication",
        verbose_name=_("인턴·직무교육 참여"),
        on_delete=models.CASCADE,
        related_name="following_job",
    )
    placement = models.ForeignKey(
        "placements.Placement", verbose_name=_("이어진 취업"), on_delete=models.CASCADE, related_name="+"
    )
    recorded_at = models.DateTimeField(_("기록 일시"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("기록한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("인턴·교육 후 취업 연결")
        verbose_name_plural = _("인턴·교육 후 취업 연결")
        ordering = ["-recorded_at", "-id"]

    def __str__(self):
        return f"{self.program_application} → {self.placement}"

    def clean(self):
        application, placement = self.program_application, self.placement
        program = application.program
        if program.kind not in ("youth_internship", "job_training"):
            raise ValidationError(_("청년인턴이나 직무교육 참여만 이어진 취업과 연결할 수 있습니다."))
        if application.status not in {"active", "completed"}:
            raise ValidationError(_("참여 중이거나 수료한 사람만 연결할 수 있습니다."))
        if placement.resident_id != application.resident_id:
            raise ValidationError({"placement": _("같은 사람의 취업만 연결할 수 있습니다.")})
        if placement.program_id == program.pk:
            raise ValidationError({"placement": _("사업 참여 자체가 아닌, 그 뒤의 취업을 골라 주세요.")})
        if program.starts_on and placement.started_on < program.starts_on:
            raise ValidationError({"placement": _("사업이 시작되기 전의 취업은 연결할 수 없습니다.")})


class HireTraining(models.Model):
    """Training given after a hire: an IT firm's own in-firm training, or customer-service
    training for hotel and store jobs (D-Cube City)."""

    class Kind(models.TextChoices):
        IN_FIRM = "in_firm", _("채용 후 기업 자체 교육 (IT 기업)")
        CUSTOMER_SERVICE = "customer_service", _("친절 서비스 교육 (호텔·매장)")

    placement = models.ForeignKey(
        "placements.Placement", verbose_name=_("취업·참여 실적"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("교육 종류"), max_length=20, choices=Kind.choices)
    hours = models.PositiveSmallIntegerField(_("교육 시간"), null=True, blank=True)
    completed_on = models.DateField(_("수료일"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("기록한 직원"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("채용 후 교육")
        verbose_name_plural = _("채용 후 교육")
        ordering = ["-completed_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "kind"], name="unique_hire_training_kind"),
        ]

    def __str__(self):
        return f"{self.placement} · {self.get_kind_display()}"

    def clean(self):
        if self.placement_id and self.completed_on and self.completed_on < self.placement.started_on:
            raise ValidationError({"completed_on": _("채용 후 교육은 근무 시작일 이후에 수료해야 합니다.")})
