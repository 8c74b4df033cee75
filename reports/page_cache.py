"""The dashboard page keeps its drawn figures per stored snapshot and language in the shared cache
(guro_jobs/page_cache.py); writing or deleting any snapshot puts every kept figure out of use."""

from django.db.models.signals import post_delete, post_save

from guro_jobs import page_cache

NAMESPACE = "dashboard"


def snapshot_changed(**_ignored):
    page_cache.changed(NAMESPACE)


def connect():
    from reports.models import DashboardSnapshot

    post_save.connect(snapshot_changed, sender=DashboardSnapshot, dispatch_uid="page-cache-dashboard-save")
    post_delete.connect(
        snapshot_changed, sender=DashboardSnapshot, dispatch_uid="page-cache-dashboard-delete"
    )
