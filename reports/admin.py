from django.contrib import admin

from reports.models import DashboardSnapshot, ForecastWarning, LabourStat, Target


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["year", "scope", "sector", "agreement", "count", "note"]
    list_filter = ["scope", "sector", "year"]
    search_fields = ["note", "agreement__title"]
    autocomplete_fields = ["agreement"]
    list_select_related = ["agreement__employer"]


@admin.register(LabourStat)
class LabourStatAdmin(admin.ModelAdmin):
    list_display = [
        "year",
        "month",
        "population",
        "economically_active",
        "employed",
        "unemployed",
        "unemployment_rate",
        "source",
    ]
    list_filter = ["year"]
    search_fields = ["source"]


@admin.register(DashboardSnapshot)
class DashboardSnapshotAdmin(admin.ModelAdmin):
    list_display = ["year", "computed_at"]
    readonly_fields = ["year", "computed_at", "data"]

    def has_add_permission(self, request):
        return False


@admin.register(ForecastWarning)
class ForecastWarningAdmin(admin.ModelAdmin):
    list_display = ["year", "label", "warned_rate", "warned_at"]
    list_filter = ["year"]
    search_fields = ["label", "key"]
    readonly_fields = ["year", "key", "label", "warned_rate", "warned_at"]

    def has_add_permission(self, request):
        return False
