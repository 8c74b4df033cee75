"""The API's routes under /api/v1/ (the schema is at /api/schema/, the docs at /api/docs/)."""

from django.http import JsonResponse
from django.urls import path, re_path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework.routers import SimpleRouter

from alerts.api import SavedVacancyViewSet
from casework.api import CaseNoteViewSet, ReferralViewSet
from conversations.api import MessageViewSet
from employers.api import EmployerViewSet, OccupationViewSet
from interviews.api import InterviewViewSet
from placements.api import JobApplicationViewSet, PlacementViewSet, RetentionCheckViewSet
from placements.api_vacancies import VacancyViewSet  # employers' vacancies plus a resident's apply
from plans.api import PlanViewSet
from programs.api import ProgramApplicationViewSet, ProgramViewSet
from reports.api_targets import LabourStatViewSet, TargetViewSet
from residents.api import ResidentViewSet
from resumes.api import ResumeViewSet

app_name = "api"

router = SimpleRouter()
router.register("programs", ProgramViewSet, basename="program")
router.register("vacancies", VacancyViewSet, basename="vacancy")
router.register("employers", EmployerViewSet, basename="employer")
router.register("residents", ResidentViewSet, basename="resident")
router.register("program-applications", ProgramApplicationViewSet, basename="program-application")
router.register("job-applications", JobApplicationViewSet, basename="job-application")
router.register("placements", PlacementViewSet, basename="placement")
router.register("retention-checks", RetentionCheckViewSet, basename="retention-check")
router.register("targets", TargetViewSet, basename="target")
router.register("labour-stats", LabourStatViewSet, basename="labour-stat")
router.register(r"residents/(?P<resident_id>[^/.]+)/case-notes", CaseNoteViewSet, basename="case-note")
router.register("referrals", ReferralViewSet, basename="referral")
router.register("occupations", OccupationViewSet, basename="occupation")
router.register("plans", PlanViewSet, basename="plan")
router.register("saved-vacancies", SavedVacancyViewSet, basename="saved-vacancy")
router.register("resumes", ResumeViewSet, basename="resume")
router.register(
    r"job-applications/(?P<application_id>[^/.]+)/interviews", InterviewViewSet, basename="interview"
)
router.register(r"job-applications/(?P<application_id>[^/.]+)/messages", MessageViewSet, basename="message")


@csrf_exempt  # nothing is written here; the answer must be JSON even for an unsafe method
def not_found(request, *args, **kwargs):
    """Any other address under /api/v1/ answers in JSON, like the API does, not with an HTML page."""
    return JsonResponse({"detail": _("찾을 수 없습니다.")}, status=404)


def api_root(request):
    """What the API offers, for anyone who opens /api/v1/: the lists, the schema and the docs."""
    links = {prefix: request.build_absolute_uri(f"{prefix}/") for prefix, _viewset, _name in router.registry}
    return JsonResponse(
        {
            "endpoints": links,
            "schema": request.build_absolute_uri(reverse("api-schema")),
            "docs": request.build_absolute_uri(reverse("api-docs")),
        }
    )


urlpatterns = [
    path("", api_root, name="root"),
    *router.urls,
    # Other API views go above this line: the catch-all below must stay last.
    re_path(r"^.*$", not_found),
]
