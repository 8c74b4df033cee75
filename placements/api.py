"""Job applications, placements and retention checks in the API. A resident applies and withdraws;
an employer moves the applicants of its own vacancies (only residents who consented to their data
being provided to employers are listed); staff refer, move and record everything. Writes go through
placements/services.py."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import EMPLOYER, MANAGER, RESIDENT, STAFF
from audit.api_mixins import LogsPersonalDataReadsMixin
from employers.models import Vacancy
from employers.selectors import vacancy_refusal
from guro_jobs.api import PortalModelSerializer, PortalModelViewSet
from placements import selectors, services
from placements.models import JobApplication, Placement, RetentionCheck
from references.wages import MAXIMUM_MONTHLY_WAGE
from residents.api import ApplicantSerializer
from residents.models import Resident

Status = JobApplication.Status


class JobApplicationSerializer(PortalModelSerializer):
    resident = ApplicantSerializer(read_only=True, help_text=_("지원자"))
    vacancy_title = serializers.CharField(source="vacancy.title", read_only=True, help_text=_("채용 제목"))
    employer_name = serializers.CharField(
        source="vacancy.employer.name", read_only=True, help_text=_("기업명")
    )

    class Meta:
        model = JobApplication
        fields = [
            "id",
            "vacancy",
            "vacancy_title",
            "employer_name",
            "resident",
            "status",
            "created_at",
            "status_changed_at",
        ]
        read_only_fields = fields


class JobApplicationCreateSerializer(serializers.Serializer):
    vacancy = serializers.PrimaryKeyRelatedField(
        queryset=Vacancy.objects.all(), help_text=_("지원할 채용 공고 (모집 중인 공고)")
    )
    resident = serializers.PrimaryKeyRelatedField(
        queryset=Resident.objects.all(),
        required=False,
        help_text=_("알선할 구직자 (직원만; 주민 본인은 비워 둡니다)"),
    )


class JobApplicationMoveSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices, help_text=_("바꿀 상태 (면접, 채용, 불합격)"))
    note = serializers.CharField(
        max_length=2000, required=False, default="", allow_blank=True, help_text=_("메모")
    )
    started_on = serializers.DateField(required=False, help_text=_("채용 시 근무 시작일"))
    monthly_wage = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=MAXIMUM_MONTHLY_WAGE,
        help_text=_("채용 시 월 임금(원). 비우면 공고의 월 임금"),
    )

    def validate(self, attrs):
        # As the employer's hire confirmation page asks: a hire is recorded with the day work starts.
        if attrs["status"] == Status.HIRED and not attrs.get("started_on"):
            raise serializers.ValidationError({"started_on": [_("채용하려면 근무 시작일을 입력해 주세요.")]})
        return attrs


class PlacementSerializer(PortalModelSerializer):
    resident = ApplicantSerializer(read_only=True, help_text=_("구직자"))
    employer_name = serializers.CharField(
        source="employer.name", read_only=True, default=None, allow_null=True, help_text=_("기업명")
    )
    program_name = serializers.CharField(
        source="program.name", read_only=True, default=None, allow_null=True, help_text=_("사업명")
    )

    class Meta:
        model = Placement
        fields = [
            "id",
            "resident",
            "source",
            "sector",
            "employer",
            "employer_name",
            "agreement",
            "program",
            "program_name",
            "started_on",
            "ended_on",
            "monthly_wage",
            "guro_resident_at_hire",
            "dong_at_hire",
            "gender",
            "age_at_hire",
            "recorded_at",
            "status",
            "cancelled_at",
            "cancellation_reason",
        ]
        # Staff correct the end date and the wage; the rest is fixed at hire (a hire is cancelled
        # through the admin's correction, with a reason).
        read_only_fields = [f for f in fields if f not in {"ended_on", "monthly_wage"}]
        extra_kwargs = {"monthly_wage": {"max_value": MAXIMUM_MONTHLY_WAGE}}


class RetentionCheckSerializer(PortalModelSerializer):
    is_overdue = serializers.BooleanField(read_only=True, help_text=_("확인 예정일이 지났는데 확인하지 않음"))

    class Meta:
        model = RetentionCheck
        fields = [
            "id",
            "placement",
            "months_after_start",
            "due_on",
            "checked_on",
            "still_employed",
            "note",
            "checked_by",
            "is_overdue",
        ]
        read_only_fields = ["placement", "months_after_start", "due_on", "checked_by", "is_overdue"]

    def validate(self, attrs):
        checked_on = attrs.get("checked_on", getattr(self.instance, "checked_on", None))
        still = attrs.get("still_employed", getattr(self.instance, "still_employed", None))
        if checked_on is not None and still is None:
            raise serializers.ValidationError(
                {"still_employed": [_("확인일을 적으면 고용 유지 여부도 골라야 합니다.")]}
            )
        return attrs


class JobApplicationViewSet(LogsPersonalDataReadsMixin, PortalModelViewSet):
    """채용 지원 (job applications)."""

    unlogged_roles = frozenset({RESIDENT})  # a resident lists only their own applications

    serializer_class = JobApplicationSerializer
    read_roles = frozenset({STAFF, MANAGER, EMPLOYER, RESIDENT})
    write_roles = frozenset({STAFF, RESIDENT})
    action_roles = {
        "move": frozenset({STAFF, EMPLOYER}),
        "withdraw": frozenset({STAFF, RESIDENT}),
    }
    http_method_names = ["get", "post", "head", "options"]
    filterset_fields = ["vacancy", "status"]
    search_fields = ["vacancy__title", "resident__name"]
    ordering_fields = ["created_at", "status_changed_at"]

    def get_queryset(self):
        if self.role == EMPLOYER:
            # Employers see only applicants who consented to their data being provided.
            queryset = selectors.applications_visible_to(self.request.user.employer_id)
        else:
            queryset = JobApplication.objects.all()
        queryset = queryset.select_related("vacancy__employer", "resident").order_by("-created_at", "-id")
        if self.role == RESIDENT:
            return queryset.filter(resident=self.request.user.resident)
        return queryset

    @extend_schema(request=JobApplicationCreateSerializer, responses={201: JobApplicationSerializer})
    def create(self, request, *args, **kwargs):
        data = JobApplicationCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        vacancy = data.validated_data["vacancy"]
        if self.role == RESIDENT:
            refusal = vacancy_refusal(vacancy)
            if refusal:  # the service refuses it too; here the error names the field
                raise serializers.ValidationError({"vacancy": [refusal]})
            application = services.apply_to_vacancy(resident=request.user.resident, vacancy=vacancy)
        else:
            resident = data.validated_data.get("resident")
            if resident is None:
                raise serializers.ValidationError({"resident": [_("이 필드는 필수 항목입니다.")]})
            application = services.refer_resident(resident=resident, vacancy=vacancy, by=request.user)
        return Response(self.get_serializer(application).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="지원 상태 변경 (move: employer, staff)",
        request=JobApplicationMoveSerializer,
        responses=JobApplicationSerializer,
    )
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None):
        move = JobApplicationMoveSerializer(data=request.data)
        move.is_valid(raise_exception=True)
        if self.role == EMPLOYER and not selectors.employer_may_set(move.validated_data["status"]):
            raise serializers.ValidationError(
                {"status": [_("기업은 면접, 채용, 불합격으로만 바꿀 수 있습니다.")]}
            )
        application = services.move_job_application(
            application=self.get_object(), by=request.user, **move.validated_data
        )
        return Response(self.get_serializer(application).data)

    @extend_schema(summary="지원 취소 (withdraw)", request=None, responses=JobApplicationSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        application = services.withdraw_job_application(application=self.get_object(), by=request.user)
        return Response(self.get_serializer(application).data)


class PlacementViewSet(LogsPersonalDataReadsMixin, PortalModelViewSet):
    """취업·참여 실적 (placements): staff correct end dates and wages; others read their own."""

    unlogged_roles = frozenset({RESIDENT})  # a resident lists only their own placements

    serializer_class = PlacementSerializer
    read_roles = frozenset({STAFF, MANAGER, EMPLOYER, RESIDENT})
    write_roles = frozenset({STAFF})
    http_method_names = ["get", "put", "patch", "head", "options"]
    filterset_fields = ["source", "sector", "employer", "program", "guro_resident_at_hire"]
    search_fields = ["resident__name", "employer__name", "program__name"]
    ordering_fields = ["started_on", "recorded_at"]

    def get_queryset(self):
        if self.role == EMPLOYER:
            queryset = selectors.placements_visible_to(self.request.user.employer_id)
        else:
            queryset = Placement.objects.all()
        queryset = queryset.select_related("resident", "employer", "program").order_by("-started_on", "-id")
        if self.role == RESIDENT:
            return queryset.filter(resident=self.request.user.resident)
        return queryset


class RetentionCheckViewSet(PortalModelViewSet):
    """고용 유지 확인 (retention checks): staff record results; managers read."""

    serializer_class = RetentionCheckSerializer
    read_roles = frozenset({STAFF, MANAGER})
    write_roles = frozenset({STAFF})
    http_method_names = ["get", "put", "patch", "head", "options"]
    filterset_fields = ["placement", "months_after_start", "still_employed"]
    ordering_fields = ["due_on", "checked_on"]

    def get_queryset(self):
        return RetentionCheck.objects.order_by("due_on", "id")

    def perform_update(self, serializer):
        with transaction.atomic():
            serializer.save(checked_by=self.request.user)
