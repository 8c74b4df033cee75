"""Interviews of one job application in the API: its employer lists and proposes, its applicant
lists and responds, staff and managers read. Writes go through interviews/services.py."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import EMPLOYER, MANAGER, RESIDENT, STAFF
from audit.api_mixins import LogsPersonalDataReadsMixin
from guro_jobs.api import PortalModelSerializer, PortalViewSetMixin
from interviews import services
from interviews.models import Interview
from placements.models import JobApplication


class InterviewSerializer(PortalModelSerializer):
    class Meta:
        model = Interview
        fields = [
            "id",
            "application",
            "status",
            "sequence",
            "starts_at",
            "duration_minutes",
            "mode",
            "place",
            "online_link",
            "contact_name",
            "contact_phone",
            "what_to_bring",
            "note",
            "resident_message",
            "responded_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class InterviewProposalSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField(help_text=_("면접 일시 (지금보다 뒤)"))
    duration_minutes = serializers.IntegerField(
        min_value=10, max_value=480, default=30, help_text=_("소요 시간(분)")
    )
    mode = serializers.ChoiceField(
        choices=Interview.Mode.choices, default=Interview.Mode.IN_PERSON, help_text=_("방식")
    )
    place = serializers.CharField(
        max_length=200, required=False, default="", allow_blank=True, help_text=_("장소 (방문 면접)")
    )
    online_link = serializers.URLField(
        required=False, default="", allow_blank=True, help_text=_("온라인 면접 주소")
    )
    contact_name = serializers.CharField(max_length=50, help_text=_("담당자"))
    contact_phone = serializers.CharField(max_length=30, help_text=_("담당자 연락처"))
    what_to_bring = serializers.CharField(
        max_length=500, required=False, default="", allow_blank=True, help_text=_("준비물")
    )
    note = serializers.CharField(
        max_length=2000, required=False, default="", allow_blank=True, help_text=_("안내 사항")
    )


class InterviewResponseSerializer(serializers.Serializer):
    answer = serializers.ChoiceField(
        choices=[
            Interview.Status.CONFIRMED,
            Interview.Status.DECLINED,
            Interview.Status.RESCHEDULE_REQUESTED,
        ],
        help_text=_("참석 확정, 참석 거절, 일정 변경 요청"),
    )
    message = serializers.CharField(
        max_length=2000, required=False, default="", allow_blank=True, help_text=_("기업에 남길 말")
    )


@extend_schema(
    parameters=[OpenApiParameter("application_id", int, OpenApiParameter.PATH, description="채용 지원 id")]
)
class InterviewViewSet(
    LogsPersonalDataReadsMixin,
    PortalViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """면접 (interviews) of one job application."""

    serializer_class = InterviewSerializer
    read_roles = frozenset({STAFF, MANAGER, EMPLOYER, RESIDENT})
    write_roles = frozenset({EMPLOYER})
    action_roles = {"respond": frozenset({RESIDENT})}
    unlogged_roles = frozenset({RESIDENT})
    resident_attribute = "resident"
    access_log_label = _("면접")

    def application(self):
        queryset = JobApplication.objects.select_related("vacancy__employer", "resident")
        if self.role == RESIDENT:
            queryset = queryset.filter(resident=self.request.user.resident)
        elif self.role == EMPLOYER:
            queryset = queryset.filter(
                vacancy__employer=self.request.user.employer_id,
                resident__provision_consented_at__isnull=False,
                resident__anonymised_at__isnull=True,
            )
        application_id = self.kwargs.get("application_id")
        if not str(application_id).isdigit():
            return get_object_or_404(queryset.none())
        return get_object_or_404(queryset, pk=int(application_id))

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Interview.objects.none()
        return (
            Interview.objects.filter(application=self.application())
            .select_related("application__resident")
            .order_by("-created_at", "-id")
        )

    @extend_schema(
        summary="면접 제안 (employer)",
        request=InterviewProposalSerializer,
        responses={201: InterviewSerializer},
    )
    def create(self, request, *args, **kwargs):
        proposal = InterviewProposalSerializer(data=request.data)
        proposal.is_valid(raise_exception=True)
        interview = services.propose_interview(
            application=self.application(), by=request.user, **proposal.validated_data
        )
        return Response(self.get_serializer(interview).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="면접 응답 (respond: resident)",
        request=InterviewResponseSerializer,
        responses=InterviewSerializer,
    )
    @action(detail=True, methods=["post"])
    def respond(self, request, *args, **kwargs):
        answer = InterviewResponseSerializer(data=request.data)
        answer.is_valid(raise_exception=True)
        interview = services.respond_to_interview(
            interview=self.get_object(), by=request.user, **answer.validated_data
        )
        return Response(self.get_serializer(interview).data)
