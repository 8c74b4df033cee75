from django.contrib import admin

from references.models import AdministrativeDong, Occupation, PriorityGroup, Skill


@admin.register(AdministrativeDong)
class AdministrativeDongAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "sort_order", "is_active"]
    list_editable = ["sort_order", "is_active"]
    search_fields = ["name", "name_en"]


@admin.register(PriorityGroup)
class PriorityGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "code", "description", "sort_order"]
    search_fields = ["name", "name_en", "code"]


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["name", "code"]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
