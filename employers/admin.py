from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from employers import services
from employers.models import Agreement, Employer, Vacancy
from placements.admin_matching import VacancyMatchingMixin
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

    @admin.display(description="지역 주민 채용 목표(명)")
    def local_hire_quota(self, agreement):
        return f"{agreement.local_hire_quota:,}"


@admin.register(Vacancy)
class VacancyAdmin(VacancyMatchingMixin, SpreadsheetExportMixin, admin.ModelAdmin):
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
    readonly_fields = ["monthly_wage", "approved_at", "approved_by", "created_at", "matches_link"]
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
