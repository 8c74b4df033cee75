from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("목표·통계")

    def ready(self):
        # Placements and programs sit below reports: reports registers its own handler so a hire,
        # a program placement or a cancellation keeps the current year's dashboard live.
        from placements.models import Placement
        from programs.models import ProgramApplication
        from reports.live import figures_changed

        for model in (Placement, ProgramApplication):
            post_save.connect(figures_changed, sender=model, dispatch_uid=f"live-dashboard-{model.__name__}")
            post_delete.connect(
                figures_changed, sender=model, dispatch_uid=f"live-dashboard-del-{model.__name__}"
            )
