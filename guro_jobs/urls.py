from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from guro_jobs import views
from reports.api import DashboardSnapshotView

admin.site.site_header = _("구로구 일자리 원스톱 포털 · 업무 관리")
admin.site.site_title = _("구로 일자리 포털 관리")
admin.site.index_title = _("일자리지원과 업무")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("ops/ping", views.ping, name="ping"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("programs/", include("programs.urls")),
    path("vacancies/", include("employers.urls")),
    path("employer/", include("employers.employer_urls")),
    path("me/alerts/", include("alerts.urls")),
    path("me/", include("residents.urls")),
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
