"""/sitemap.xml and /robots.txt: the public pages search engines may index, and nothing else.

The sitemap is an index of one section per kind of page (Django pages each section at 50,000
addresses, the protocol's limit): open vacancies, this year's published programs, public employer
pages, the plans' public disclosure pages and the static public pages. Private pages (/me/,
/employer/, /admin/, /api/, /accounts/, /casework/, /dashboard/) are never listed, and robots.txt
asks crawlers to keep out of them.
"""

from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from employers import selectors as employer_selectors
from plans.models import Plan
from programs import selectors as program_selectors


class StaticPagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["home", "vacancies:list", "programs:list", "disclosure:plan_list"]

    def location(self, item):
        return reverse(item)


class VacancySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.7

    def items(self):
        return (
            employer_selectors.open_vacancies()
            .select_related(None)
            .prefetch_related(None)
            .only("pk", "posted_on", "approved_at")
            .order_by("-posted_on", "-id")
        )

    def location(self, vacancy):
        return reverse("vacancies:detail", args=[vacancy.pk])

    def lastmod(self, vacancy):
        return vacancy.approved_at or vacancy.posted_on


class ProgramSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return program_selectors.public_programs().prefetch_related(None).order_by("pk")

    def location(self, program):
        return reverse("programs:detail", args=[program.pk])

    def lastmod(self, program):
        return program.created_at


class EmployerSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return employer_selectors.public_employers().only("pk", "profile_approved_at").order_by("pk")

    def location(self, employer):
        return reverse("companies:detail", args=[employer.pk])

    def lastmod(self, employer):
        return employer.profile_approved_at


class PlanSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Plan.objects.only("pk").order_by("first_year", "pk")

    def location(self, plan):
        return reverse("disclosure:plan_detail", args=[plan.pk])


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "vacancies": VacancySitemap,
    "programs": ProgramSitemap,
    "companies": EmployerSitemap,
    "plans": PlanSitemap,
}

# Private areas: the staff admin, the API, a person's own pages, login and accounts, staff tools.
DISALLOWED = [
    "/admin/",
    "/api/",
    "/me/",
    "/accounts/",
    "/employer/",
    "/casework/",
    "/dashboard/",
    "/i18n/",
    "/ops/",
]


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = ["User-agent: *", "Allow: /", *(f"Disallow: {path}" for path in DISALLOWED)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
