from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from plans import selectors, services
from plans.forms import CopyPlanForwardForm
from plans.models import Plan, ProjectTarget, YearPlan

SECTOR_LABELS = {"total": _("전체"), "public": _("공공"), "private": _("민간")}


def _number(value):
    return "—" if value is None else f"{value:,}"


class YearPlanInline(admin.TabularInline):
    model = YearPlan
    extra = 0
    fields = [
        "year",
        "total_target",
        "public_target",
        "private_target",
        "employment_rate_target",
        "employed_target",
        "published_on",
        "projects_link",
    ]
    readonly_fields = ["projects_link"]
    show_change_link = True

    @admin.display(description=_("세부사업"))
    def projects_link(self, obj):
        if not obj.pk:
            return "—"
        url = reverse("admin:plans_yearplan_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("세부사업 목표 보기·고치기"))


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "term", "first_year", "last_year", "stated_total", "yearly_sum", "is_example"]
    list_filter = ["is_example", "term"]
    search_fields = ["title", "term", "note"]
    readonly_fields = ["sums_against_stated"]
    inlines = [YearPlanInline]
    actions = ["copy_forward_action"]
    fieldsets = [
        (None, {"fields": ["title", "term", "first_year", "last_year", "is_example", "published_on"]}),
        (
            _("계획서 기재 목표"),
            {"fields": ["stated_total", "stated_public", "stated_private", "sums_against_stated"]},
        ),
        (_("공통 지표 목표"), {"fields": ["employment_rate_target", "employed_growth_target"]}),
        (None, {"fields": ["note"]}),
    ]

    @admin.display(description=_("연차별 목표 합계"))
    def yearly_sum(self, obj):
        return _number(selectors.yearly_sums(obj)["total"])

    @admin.display(description=_("연차별 합계와 계획서 기재 합계"))
    def sums_against_stated(self, obj):
        if not obj.pk:
            return _("저장한 뒤에 연차별 세부계획의 합계를 보여 드립니다.")
        sums = selectors.yearly_sums(obj)
        stated = selectors.stated_totals(obj)
        rows = []
        for sector, label in SECTOR_LABELS.items():
            difference = None if stated[sector] is None else sums[sector] - stated[sector]
            note = "" if not difference else _("차이 %(diff)s명") % {"diff": f"{difference:+,}"}
            rows.append((label, _number(sums[sector]), _number(stated[sector]), note))
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th></th></tr></thead><tbody>{}</tbody></table>",
            _("부문"),
            _("연차별 합계"),
            _("계획서 기재"),
            format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows),
        )

    @admin.action(description=_("선택한 계획의 구조를 다음 계획으로 복사"))
    def copy_forward_action(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("복사할 계획을 하나만 고르세요."), messages.ERROR)
            return None
        return redirect("admin:plans_plan_copy_forward", plan_id=queryset.get().pk)

    def get_urls(self):
        view = self.admin_site.admin_view(self.copy_forward_view)
        return [
            path("<int:plan_id>/copy-forward/", view, name="plans_plan_copy_forward")
        ] + super().get_urls()

    def copy_forward_view(self, request, plan_id):
        """Ask for the new plan's title and years, then copy the chosen plan's structure into it."""
        source = get_object_or_404(Plan, pk=plan_id)
        if not self.has_add_permission(request):
            raise PermissionDenied
        length = source.last_year - source.first_year
        initial = {
            "first_year": source.last_year + 1,
            "last_year": source.last_year + 1 + length,
            "copy_targets": True,
        }
        form = CopyPlanForwardForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                plan = services.copy_plan_forward(source=source, **form.cleaned_data)
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                self.message_user(
                    request, _("%(plan)s 계획을 만들었습니다. 목표를 확인하고 고쳐 주세요.") % {"plan": plan}
                )
                return redirect("admin:plans_plan_change", plan.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("%(plan)s 구조를 다음 계획으로 복사") % {"plan": source},
            "source": source,
            "form": form,
        }
        return TemplateResponse(request, "admin/plans/plan/copy_forward.html", context)


class ProjectTargetInline(admin.TabularInline):
    model = ProjectTarget
    extra = 1
    fields = ["name", "category", "sector", "responsible_team", "program", "target", "note"]
    autocomplete_fields = ["program"]


@admin.register(YearPlan)
class YearPlanAdmin(admin.ModelAdmin):
    list_display = ["year", "plan", "total_target", "public_target", "private_target", "projects_sum"]
    list_filter = ["plan"]
    search_fields = ["plan__title", "note"]
    list_select_related = ["plan"]
    inlines = [ProjectTargetInline]

    @admin.display(description=_("세부사업 목표 합계"))
    def projects_sum(self, obj):
        return _number(sum(project.target or 0 for project in obj.projects.all()))

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("projects")


@admin.register(ProjectTarget)
class ProjectTargetAdmin(admin.ModelAdmin):
    list_display = ["name", "year_plan", "category", "sector", "responsible_team", "target"]
    list_filter = ["category", "sector", "year_plan__year"]
    search_fields = ["name", "responsible_team"]
    autocomplete_fields = ["program"]
    list_select_related = ["year_plan__plan"]
