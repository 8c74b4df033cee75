"""관심 공고 in the API (/api/v1/saved-vacancies/): a resident lists, saves and removes their own;
nobody else has them. Writes go through alerts/services.py."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from accounts.permissions import RESIDENT
from alerts import selectors, services
from alerts.models import SavedVacancy
from employers.models import Vacancy
from guro_jobs.api import PortalModelSerializer, PortalModelViewSet


class SavedVacancySerializer(PortalModelSerializer):
    vacancy = serializers.PrimaryKeyRelatedField(
        queryset=Vacancy.objects.filter(status=Vacancy.Status.OPEN), help_text=_("채용 공고 (모집 중인 공고)")
    )
    vacancy_title = serializers.CharField(source="vacancy.title", read_only=True, help_text=_("채용 제목"))
    employer_name = serializers.CharField(
        source="vacancy.employer.name", read_only=True, help_text=_("기업명")
    )
    closes_on = serializers.DateField(
        source="vacancy.closes_on", read_only=True, allow_null=True, help_text=_("마감일")
    )
    is_closed = serializers.BooleanField(read_only=True, help_text=_("마감했거나 마감일이 지난 공고"))

    class Meta:
        model = SavedVacancy
        fields = [
            "id",
            "vacancy",
            "vacancy_title",
            "employer_name",
            "closes_on",
            "is_closed",
            "saved_at",
            "reminded_at",
        ]
        read_only_fields = ["saved_at", "reminded_at"]


class SavedVacancyViewSet(PortalModelViewSet):
    """관심 공고 (saved vacancies): the signed-in resident's own."""

    serializer_class = SavedVacancySerializer
    read_roles = frozenset({RESIDENT})
    write_roles = frozenset({RESIDENT})
    http_method_names = ["get", "post", "delete", "head", "options"]
    ordering_fields = ["saved_at"]

    def get_queryset(self):
        if self.role != RESIDENT:  # the schema generator and other roles: nothing
            return SavedVacancy.objects.none()
        return selectors.saved_vacancies_of(self.request.user.resident).order_by("-saved_at", "-id")

    @extend_schema(responses={201: SavedVacancySerializer})
    def create(self, request, *args, **kwargs):
        data = self.get_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        saved = services.save_vacancy(resident=request.user.resident, vacancy=data.validated_data["vacancy"])
        return Response(self.get_serializer(saved).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        services.unsave_vacancy(resident=instance.resident, vacancy=instance.vacancy)
