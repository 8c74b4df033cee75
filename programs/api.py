"""Programs (public read, staff write) and program applications (a resident applies and withdraws,
staff decide) in the API. Writes go through programs/services.py."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import EVERYONE, MANAGER, RESIDENT, STAFF
from guro_jobs.api import PortalModelSerializer, PortalModelViewSet
from programs import services
from programs.models import Program, ProgramApplication
from references.choices import EmploymentStatus
from residents.api import ApplicantSerializer
from residents.models import Resident


class ProgramSerializer(PortalModelSerializer):
    allowed_employment_statuses = serializers.ListField(
        child=serializers.ChoiceField(choices=EmploymentStatus.choices),
        required=False,
        label=_("신청 가능한 고용 상태"),
        help_text=_("비어 있으면 고용 상태를 따지지 않습니다."),
    )
    accepting_applications = serializers.SerializerMethodField(help_text=_("지금 신청을 받는지 여부"))

    class Meta:
        model = Program
        fields = [
            "id",
            "code",
            "name",
            "kind",
            "sector",
            "year",
            "description",
            "capacity",
            "starts_on",
            "ends_on",
            "applications_open_on",
            "applications_close_on",
            "wage_amount",
            "wage_unit",
            "is_published",
            "min_age",
            "max_age",
            "requires_guro_residency",
            "allowed_employment_statuses",
            "min_education",
            "required_priority_groups",
            "accepting_applications",
        ]

    def get_accepting_applications(self, program) -> bool:
        return services.is_accepting_applications(program)


class ProgramApplicationSerializer(PortalModelSerializer):
    resident = ApplicantSerializer(read_only=True, help_text=_("구직자"))
    program_name = serializers.CharField(source="program.name", read_only=True, help_text=_("사업명"))

    class Meta:
        model = ProgramApplication
        fields = [
            "id",
            "program",
            "program_name",
            "resident",
            "status",
            "priority_score",
            "waitlist_position",
            "decision_reason",
            "applied_at",
            "decided_at",
        ]
        read_only_fields = fields


class ProgramApplicationCreateSerializer(serializers.Serializer):
    program = serializers.PrimaryKeyRelatedField(
        queryset=Program.objects.all(), help_text=_("신청할 일자리 사업")
    )
    resident = serializers.PrimaryKeyRelatedField(
        queryset=Resident.objects.all(),
        required=False,
        help_text=_("구직자 (직원이 대신 접수할 때만; 주민 본인은 비워 둡니다)"),
    )


class ProgramApplicationDecisionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ProgramApplication.Status.choices, help_text=_("바꿀 상태"))
    reason = serializers.CharField(max_length=2000, help_text=_("결정 사유"))
    priority_score = serializers.IntegerField(
        required=False, min_value=-1000, max_value=1000, help_text=_("우선순위 점수")
    )
    waitlist_position = serializers.IntegerField(
        required=False, min_value=1, max_value=100000, help_text=_("대기 순번")
    )


class ProgramViewSet(PortalModelViewSet):
    """일자리 사업 (programs): anyone reads published programs; staff manage them."""

    serializer_class = ProgramSerializer
    read_roles = EVERYONE
    write_roles = frozenset({STAFF})
    action_roles = {"apply": frozenset({RESIDENT})}
    filterset_fields = ["year", "kind", "sector", "is_published"]
    search_fields = ["name", "description", "code"]
    ordering_fields = ["year", "name", "applications_close_on"]

    def get_queryset(self):
        queryset = Program.objects.prefetch_related("required_priority_groups").order_by(
            "-year", "kind", "name", "id"
        )
        if self.role not in {STAFF, MANAGER}:
            queryset = queryset.filter(is_published=True)
        return queryset

    @extend_schema(
        summary="이 사업에 신청 (apply to this program)",
        request=None,
        responses={201: ProgramApplicationSerializer},
    )
    @action(detail=True, methods=["post"])
    def apply(self, request, pk=None):
        application = services.apply_to_program(
            resident=request.user.resident, program=self.get_object(), by=request.user
        )
        return Response(
            ProgramApplicationSerializer(application, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )


class ProgramApplicationViewSet(PortalModelViewSet):
    """사업 참여 신청 (program applications): a resident sees, makes and withdraws their own; staff
    see and decide all; managers read."""

    serializer_class = ProgramApplicationSerializer
    read_roles = frozenset({STAFF, MANAGER, RESIDENT})
    write_roles = frozenset({STAFF, RESIDENT})
    action_roles = {"withdraw": frozenset({STAFF, RESIDENT}), "decide": frozenset({STAFF})}
    http_method_names = ["get", "post", "head", "options"]
    filterset_fields = ["program", "status"]
    search_fields = ["program__name", "resident__name"]
    ordering_fields = ["applied_at", "decided_at", "priority_score"]

    def get_queryset(self):
        queryset = ProgramApplication.objects.select_related("program", "resident").order_by(
            "-applied_at", "-id"
        )
        if self.role == RESIDENT:
            queryset = queryset.filter(resident=self.request.user.resident)
        return queryset

    @extend_schema(request=ProgramApplicationCreateSerializer, responses={201: ProgramApplicationSerializer})
    def create(self, request, *args, **kwargs):
        data = ProgramApplicationCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        program = data.validated_data["program"]
        if self.role == RESIDENT:
            resident = request.user.resident
        else:
            resident = data.validated_data.get("resident")
            if resident is None:
                raise serializers.ValidationError({"resident": [_("이 필드는 필수 항목입니다.")]})
        application = services.apply_to_program(resident=resident, program=program, by=request.user)
        return Response(
            self.get_serializer(application).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(summary="신청 취소 (withdraw)", request=None, responses=ProgramApplicationSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        application = services.withdraw_program_application(application=self.get_object(), by=request.user)
        return Response(self.get_serializer(application).data)

    @extend_schema(
        summary="상태 결정 (decide: staff)",
        request=ProgramApplicationDecisionSerializer,
        responses=ProgramApplicationSerializer,
    )
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        decision = ProgramApplicationDecisionSerializer(data=request.data)
        decision.is_valid(raise_exception=True)
        application = services.change_program_application_status(
            application=self.get_object(),
            status=decision.validated_data["status"],
            reason=decision.validated_data["reason"],
            by=request.user,
            score=decision.validated_data.get("priority_score"),
            waitlist_position=decision.validated_data.get("waitlist_position"),
        )
        return Response(self.get_serializer(application).data)
