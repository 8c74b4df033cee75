"""Kinds of notification mail; each person can turn any of them off (User.mail_opt_outs)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MailKind(models.TextChoices):
    APPLICATION_RECEIVED = "application_received", _("지원 접수")
    APPLICATION_REFERRED = "application_referred", _("구청 알선")
    APPLICATION_INTERVIEW = "application_interview", _("면접 안내")
    APPLICATION_HIRED = "application_hired", _("채용 결과(합격)")
    APPLICATION_REJECTED = "application_rejected", _("채용 결과(불합격)")
    PROGRAM_DECISION = "program_decision", _("일자리 사업 선발·대기 결과")
    VACANCY_APPROVED = "vacancy_approved", _("채용 공고 승인")
    NEW_APPLICANT = "new_applicant", _("새 지원자 (기업)")
    JOB_ALERT = "job_alert", _("맞춤 채용 알림")
    FORECAST_WARNING = "forecast_warning", _("연말 예상 실적 경고 (관리자)")
    SAVED_VACANCY_CLOSING = "saved_vacancy_closing", _("관심 공고 마감 임박")
    EMPLOYER_PROFILE_DECISION = "employer_profile_decision", _("기업 소개 변경 승인 결과 (기업)")
    # Interviews, job fairs and application messages (interviews, conversations).
    INTERVIEW_SCHEDULE = "interview_schedule", _("면접 일정 안내 (제안·변경·취소)")
    INTERVIEW_RESPONSE = "interview_response", _("면접 일정에 대한 응답")
    INTERVIEW_REMINDER = "interview_reminder", _("면접 전날 알림")
    EVENT_BOOKING = "event_booking", _("채용박람회·현장면접 예약")
    APPLICATION_MESSAGE = "application_message", _("지원 메시지")


class Channel(models.TextChoices):
    """How a person wants to be told: by mail, by text message, or both (User.notice_channel)."""

    EMAIL = "email", _("메일")
    TEXT = "text", _("문자")
    BOTH = "both", _("메일과 문자")
