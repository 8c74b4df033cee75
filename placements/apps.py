from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "placements"
    verbose_name = _("취업·사후관리")

    def ready(self):
        # residents and employers sit below placements: it adds itself to their pages and rules here.
        from employers import page_extras
        from placements import data_export, employer_views, matching, selectors, services, vacancy_views
        from residents import anonymisation, me_panels
        from spreadsheets import registry as spreadsheets

        anonymisation.register("placements", services.erase_personal_notes)
        anonymisation.register("application_resumes", services.forget_application_resumes)
        page_extras.register("vacancy_detail", "placements", vacancy_views.vacancy_detail_context)
        page_extras.register("employer_home", "placements", employer_views.employer_home_context)
        me_panels.register(
            "job_applications",
            order=20,
            template="placements/me_panel_job_applications.html",
            context=lambda request, resident: {"job_applications": selectors.job_applications_of(resident)},
        )
        me_panels.register(
            "placements",
            order=40,
            template="placements/me_panel_placements.html",
            context=lambda request, resident: {"placements": selectors.placements_of(resident)},
        )
        me_panels.register(
            "recommended_vacancies",
            order=30,
            template="placements/me_panel_recommendations.html",
            context=lambda request, resident: {
                "recommendations": matching.recommendations_for_resident_page(resident)
            },
        )
        data_export.register()  # a resident's own download includes these records
        spreadsheets.register(
            "placements",
            label=_("취업·참여 실적"),
            resource="placements.resources.PlacementResource",
            model="placements.Placement",
            holds_personal_data=True,
        )
