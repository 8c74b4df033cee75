"""The vacancy API with a resident's apply action: employers owns vacancies but sits below placements,
so the API wiring (guro_jobs/api_urls.py) routes /api/v1/vacancies/ to this subclass."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import RESIDENT
from employers import api as employer_api
from placements import services
from placements.api import JobApplicationSerializer


class VacancyViewSet(employer_api.VacancyViewSet):
    """채용 공고 (vacancies): public search of open vacancies with the web page's VacancyFilter."""

    action_roles = {**employer_api.VacancyViewSet.action_roles, "apply": frozenset({RESIDENT})}

    @extend_schema(
        summary="이 공고에 지원 (apply to this vacancy)",
        request=None,
        responses={201: JobApplicationSerializer},
    )
    @action(detail=True, methods=["post"])
    def apply(self, request, pk=None):
        application = services.apply_to_vacancy(resident=request.user.resident, vacancy=self.get_object())
        return Response(
            JobApplicationSerializer(application, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )
