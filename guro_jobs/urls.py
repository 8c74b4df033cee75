from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

import accounts.urls
import alerts.vacancy_urls
import employers.employer_urls
import employers.urls
import placements.employer_urls
import placements.resident_urls
import placements.vacancy_urls
import residents.account_urls
import residents.urls
from guro_jobs import views
from guro_jobs.sitemaps import SITEMAPS, robots_txt
from reports.api import DashboardSnapshotView

admin.site.site_header = _("구로구 일자리 원스톱 포털 · 업무 관리")
admin.site.site_title = _("구로 일자리 포털 관리")
admin.site.index_title = _("일자리지원과 업무")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("ops/ping", views.ping, name="ping"),
    path("robots.txt", robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # accounts' own pages, and the resident's sign-up, which accounts cannot import, in one namespace.
    path(
        "accounts/",
        include((accounts.urls.urlpatterns + residents.account_urls.urlpatterns, accounts.urls.app_name)),
    ),
    path("programs/", include("programs.urls")),
    # The vacancy pages and the employer's pages are employers'; applying, saving a search and the
    # applicant and hire pages belong to the apps above it, under the same namespaces.
    path(
        "vacancies/",
        include(
            (
                employers.urls.urlpatterns
                + placements.vacancy_urls.urlpatterns
                + alerts.vacancy_urls.urlpatterns,
                employers.urls.app_name,
            )
        ),
    ),
    path(
        "employer/",
        include(
            (
                employers.employer_urls.urlpatterns + placements.employer_urls.urlpatterns,
                employers.employer_urls.app_name,
            )
        ),
    ),
    path("employer/", include("placements.applicant_urls")),
    path("companies/", include("employers.company_urls")),
    path("me/alerts/", include("alerts.urls")),
    path("me/resumes/", include("resumes.urls")),
    path(
        "me/",
        include((residents.urls.urlpatterns + placements.resident_urls.urlpatterns, residents.urls.app_name)),
    ),
    path("dashboard/", include("reports.urls")),
    path("casework/", include("casework.urls")),
    path("plans/", include("reports.disclosure_urls")),
    path("interviews/", include("interviews.urls")),
    path("job-fairs/", include("interviews.event_urls")),
    path("messages/", include("conversations.urls")),
    path("api/v1/dashboard/<int:year>/", DashboardSnapshotView.as_view(), name="api-dashboard"),
    path("api/v1/", include("guro_jobs.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

handler403 = "guro_jobs.errors.permission_denied"
handler404 = "guro_jobs.errors.page_not_found"
handler500 = "guro_jobs.errors.server_error"
urlpatterns.append(path("favicon.ico", views.favicon, name="favicon"))
