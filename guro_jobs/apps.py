from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class GuroJobsConfig(AppConfig):
    default = True
    name = "guro_jobs"
    verbose_name = _("포털 공통")

    def ready(self):
        from guro_jobs import storage  # noqa: F401  (registers the static manifest deploy check)
        from guro_jobs.errors import install_expected_refusal_filter

        install_expected_refusal_filter()


class GuroAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with our site: TOTP for staff who enrolled, and the readiness page."""

    default = False
    default_site = "guro_jobs.admin_site.GuroAdminSite"
