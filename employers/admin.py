from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from employers import services
from employers.models import (
    Agreement,
    Employer,
    EmployerProfileChange,
    IncentiveGrant,
    PartnerSchool,
    Vacancy,
)
from employers.selectors import verified_local_hires
from spreadsheets.admin_export import SpreadsheetExportMixin


class AgreementInline(admin.StackedInline):
    model = Agreement
    extra = 0


class VacancyInline(admin.TabularInline):
    model = Vacancy
    extra = 0
    fields = ["title", "occupation", "employment_type", "status", "posted_on", "closes_on"]
    autocomplete_fields = ["occupation"]
    show_change_link = True


@admin.register(Employer)
class EmployerAdmin(SpreadsheetExportMixin, admin.ModelAdmin):
    list_display = ["name", "business_number", "kind", "industry", "dong", "in_digital_valley", "headcount"]
    list_filter = ["kind", "in_digital_valley", "dong"]
    search_fields = ["name", "business_number", "industry"]
    autocomplete_fields = ["dong"]
    list_select_related = ["dong"]
    inlines = [AgreementInline, VacancyInline]


@admin.register(Agreement)
class AgreementAdmin(SpreadsheetExportMixin, admin.ModelAdmin):
    list_display = ["title", "employer", "signed_on", "planned_hires", "local_hire_share", "local_hire_quota"]
    list_filter = ["signed_on"]
    search_fields = ["title", "employer__name"]
    date_hierarchy = "signed_on"
    autocomplete_fields = ["employer"]
    list_select_related = ["employer"]

    actions = ["open_ledger"]

    @admin.display(description="지역 주민 채용 목표(명)")
    def local_hire_quota(self, agreement):
        return f"{agreement.local_hire_quota:,}"

    @admin.action(description=gettext_lazy("협약 인센티브 대장 만들기 (제공 인센티브마다 한 줄)"))
    def open_ledger(self, request, queryset):
        count = sum(
            len(services.open_incentive_ledger(agreement=agreement, by=request.user))
            for agreement in queryset
        )
        messages.success(request, _("인센티브 대장 %(count)s줄이 있습니다.") % {"count": count})


@admin.register(IncentiveGrant)
class IncentiveGrantAdmin(admin.ModelAdmin):
    """The incentive ledger: eligibility comes from verified local hires; grant and refuse are actions."""

    list_display = [
        "agreement",
        "incentive",
        "required_local_hires",
        "verified_hires",
        "eligibility",
        "status",
        "decided_by",
        "decided_at",
        "reason",
    ]
    list_filter = ["status", "incentive"]
    search_fields = ["agreement__title", "agreement__employer__name"]
    autocomplete_fields = ["agreement"]
    readonly_fields = ["status", "decided_at", "decided_by", "verified_local_hires_at_decision"]
    list_select_related = ["agreement__employer", "decided_by"]
    actions = ["grant_selected", "refuse_selected"]

    @admin.display(description=gettext_lazy("확인된 지역 주민 채용(명)"))
    def verified_hires(self, line):
        return verified_local_hires(line.agreement)

    @admin.display(description=gettext_lazy("부여 대상"), boolean=True)
    def eligibility(self, line):
        return verified_local_hires(line.agreement) >= line.required_local_hires

    @admin.action(description=gettext_lazy("선택한 인센티브 부여 (결정 사유는 각 항목의 사유 칸)"))
    def grant_selected(self, request, queryset):
        self._decide(request, queryset, services.grant_incentive)

    @admin.action(description=gettext_lazy("선택한 인센티브 거절 (사유 칸을 먼저 적어 저장)"))
    def refuse_selected(self, request, queryset):
        self._decide(request, queryset, services.refuse_incentive)

    def _decide(self, request, queryset, decide):
        for line in queryset:
            try:
                decide(line=line, by=request.user, reason=line.reason)
            except ValidationError as error:
                messages.error(request, f"{line}: {' '.join(error.messages)}")
            else:
                messages.success(request, f"{line}")


@admin.register(PartnerSchool)
class PartnerSchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "dong", "partnered_on"]
    search_fields = ["name"]
    autocomplete_fields = ["dong", "students"]


@admin.register(Vacancy)
class VacancyAdmin(SpreadsheetExportMixin, admin.ModelAdmin):
    # placements adds the matching page and its link (placements/admin.py): employers sits below it.
    list_display = [
        "title",
        "employer",
        "occupation",
        "employment_type",
        "monthly_wage",
        "openings",
        "status",
        "posted_on",
        "closes_on",
    ]
    list_filter = ["status", "employment_type", "occupation", "employer__kind", "dong"]
    search_fields = ["title", "employer__name", "description"]
    date_hierarchy = "posted_on"
    autocomplete_fields = ["employer", "agreement", "occupation", "dong", "required_skills"]
    readonly_fields = ["monthly_wage", "approved_at", "approved_by", "created_at"]
    list_select_related = ["employer", "occupation"]
    actions = ["approve_selected"]

    @admin.action(description=gettext_lazy("선택한 공고 승인"), permissions=["change"])
    def approve_selected(self, request, queryset):
        approved = 0
        for vacancy in queryset.select_related("employer"):
            try:
                services.approve_vacancy(vacancy=vacancy, by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{vacancy.title}: {' '.join(error.messages)}", messages.ERROR)
            else:
                approved += 1
        if approved:
            self.message_user(
                request, _("공고 %(count)s건을 승인했습니다.") % {"count": approved}, messages.SUCCESS
            )


@admin.register(EmployerProfileChange)
class EmployerProfileChangeAdmin(admin.ModelAdmin):
    """Employers' proposed public profiles: approve, or reject with the reason written first."""

    list_display = [
        "employer",
        "status",
        "submitted_by",
        "submitted_at",
        "decided_by",
        "decided_at",
        "reason",
    ]
    list_filter = ["status", "submitted_at"]
    search_fields = ["employer__name", "description"]
    list_select_related = ["employer", "submitted_by", "decided_by"]
    autocomplete_fields = ["employer", "dong"]
    readonly_fields = [
        "status",
        "submitted_by",
        "submitted_at",
        "decided_by",
        "decided_at",
        "current_profile",
    ]
    actions = ["approve_selected", "reject_selected"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description=gettext_lazy("지금 공개된 내용"))
    def current_profile(self, change):
        employer = change.employer
        return format_html_join(
            "\n",
            "<p><strong>{}</strong>: {}</p>",
            (
                (Employer._meta.get_field(name).verbose_name, getattr(employer, name) or "—")
                for name in EmployerProfileChange.FIELDS
            ),
        )

    @admin.action(description=gettext_lazy("선택한 기업 소개 변경 승인"), permissions=["change"])
    def approve_selected(self, request, queryset):
        self._decide(
            request, queryset, lambda change: services.approve_profile_change(change=change, by=request.user)
        )

    @admin.action(
        description=gettext_lazy("선택한 기업 소개 변경 반려 (반려 사유 칸을 먼저 적어 저장)"),
        permissions=["change"],
    )
    def reject_selected(self, request, queryset):
        self._decide(
            request,
            queryset,
            lambda change: services.reject_profile_change(
                change=change, by=request.user, reason=change.reason
            ),
        )

    def _decide(self, request, queryset, decide):
        for change in queryset.select_related("employer"):
            try:
                decide(change)
            except ValidationError as error:
                self.message_user(
                    request, f"{change.employer.name}: {' '.join(error.messages)}", messages.ERROR
                )
            else:
                self.message_user(request, f"{change}", messages.SUCCESS)
