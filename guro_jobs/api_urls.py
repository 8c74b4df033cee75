"""The API's routes under /api/v1/ (the schema is at /api/schema/, the docs at /api/docs/)."""

from rest_framework.routers import SimpleRouter

from employers.api import EmployerViewSet, VacancyViewSet
from placements.api import JobApplicationViewSet, PlacementViewSet, RetentionCheckViewSet
from programs.api import ProgramApplicationViewSet, ProgramViewSet
from reports.api_targets import LabourStatViewSet, TargetViewSet
from residents.api import ResidentViewSet

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

urlpatterns = router.urls
