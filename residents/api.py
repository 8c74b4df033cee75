"""Residents in the API: staff see everything, managers see records with contact details masked,
a resident sees and edits only their own record at /api/v1/residents/me/. Employers see applicants
only through job applications (ApplicantSerializer), with a birth year instead of a birth date."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import MANAGER, RESIDENT, STAFF, request_role
from audit.api_mixins import LogsPersonalDataReadsMixin
from audit.models import PersonalDataAccess
from guro_jobs.api import PortalModelSerializer, PortalModelViewSet
from references.choices import EmploymentType
from residents.models import Resident
from residents.selectors import applicant_disclosure, record_hidden_fields

Action = PersonalDataAccess.Action

# Fields a resident may change themselves; name, birth date and consents go through staff and
# the consent pages.
SELF_EDITABLE_FIELDS = [
    "dong",
    "outside_region",
    "phone",
    "email",
    "education_level",
    "employment_status",
    "unemployed_since",
    "skills",
    "desired_occupations",
    "desired_employment_types",
    "desired_monthly_wage",
    "career_summary",
]


class PriorityClaimSerializer(serializers.Serializer):
    """One priority claim: `verified` is true only while a document check is valid (it counts)."""

    code = serializers.CharField(
        source="priority_group.code", read_only=True, help_text=_("우선 지원 대상 코드")
    )
    name = serializers.CharField(source="priority_group.name", read_only=True, help_text=_("우선 지원 대상"))
    verified = serializers.BooleanField(
        source="counts", read_only=True, help_text=_("확인되어 가점에 반영되는지")
    )
    valid_until = serializers.DateField(read_only=True, allow_null=True, help_text=_("확인의 유효 기간"))


class ResidentSerializer(PortalModelSerializer):
    priority_groups = PriorityClaimSerializer(
        source="residentprioritygroup_set",
        many=True,
        read_only=True,
        allow_null=True,
        label=_("우선 지원 대상"),
        help_text=_("우선 지원 대상 신청과 확인 상태 (직원에게만 보입니다)"),
    )
    desired_employment_types = serializers.ListField(
        child=serializers.ChoiceField(choices=EmploymentType.choices),
        required=False,
        label=_("희망 고용 형태"),
        help_text=_("정규직, 계약직, 시간제, 일용직, 인턴 중에서 고릅니다."),
    )
    birth_year = serializers.IntegerField(read_only=True, label=_("출생 연도"), help_text=_("출생 연도"))
    dong_name = serializers.CharField(
        source="dong.name", read_only=True, default=None, allow_null=True, help_text=_("거주 행정동 이름")
    )

    class Meta:
        model = Resident
        fields = [
            "id",
            "name",
            "birth_date",
            "birth_year",
            "gender",
            "dong",
            "dong_name",
            "outside_region",
            *[
                f
                for f in SELF_EDITABLE_FIELDS
                if f not in {"dong", "outside_region", "desired_employment_types"}
            ],
            "desired_employment_types",
            "priority_groups",
            "collection_consented_at",
            "provision_consented_at",
            "consent_version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "collection_consented_at",
            "provision_consented_at",
            "consent_version",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            "phone": {"allow_null": True},
            "email": {"allow_null": True},
            "birth_date": {"allow_null": True},
        }

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for name in record_hidden_fields(request_role(self.context["request"])):
            data[name] = None
        return data

    def validate(self, attrs):
        for name in ("phone", "birth_date"):
            if name in attrs and attrs[name] is None:
                raise serializers.ValidationError({name: [_("이 필드는 필수 항목입니다.")]})
        if attrs.get("email", "") is None:
            attrs["email"] = ""
        return attrs


class OwnResidentSerializer(ResidentSerializer):
    """The resident's own record: everything readable, only the self-editable fields writable."""

    class Meta(ResidentSerializer.Meta):
        read_only_fields = [
            f for f in ResidentSerializer.Meta.fields if f not in SELF_EDITABLE_FIELDS and f != "id"
        ]


class ApplicantSerializer(serializers.ModelSerializer):
    """A resident as shown inside an application or placement: birth year, never the birth date;
    contact details only to staff, to the person themselves, and to an employer the resident has
    consented to provide them to."""

    birth_year = serializers.IntegerField(read_only=True, help_text=_("출생 연도"))

    class Meta:
        model = Resident
        fields = [
            "id",
            "name",
            "birth_year",
            "gender",
            "phone",
            "email",
            "education_level",
            "employment_status",
            "career_summary",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "name": {"help_text": _("이름")},
            "gender": {"help_text": _("성별")},
            "phone": {"allow_null": True, "help_text": _("휴대전화 (기업 제공 동의가 있을 때만)")},
            "email": {"allow_null": True, "help_text": _("이메일 (기업 제공 동의가 있을 때만)")},
            "education_level": {"help_text": _("최종 학력")},
            "employment_status": {"help_text": _("고용 상태")},
            "career_summary": {"help_text": _("경력 요약")},
        }

    def to_representation(self, instance):
        data = super().to_representation(instance)
        disclosure = applicant_disclosure(instance, role=request_role(self.context["request"]))
        if not disclosure.contact:
            data["phone"] = None
            data["email"] = None
        if not disclosure.career:
            data["career_summary"] = ""
        return data


def resident_queryset():
    return Resident.objects.select_related("dong").prefetch_related(
        "skills", "desired_occupations", "residentprioritygroup_set__priority_group"
    )


class ResidentViewSet(LogsPersonalDataReadsMixin, PortalModelViewSet):
    """구직자 (residents): staff read and edit; managers read with contact details masked."""

    resident_attribute = ""  # the record is the resident
    unlogged_roles = frozenset({RESIDENT})  # /me/: the person's own record

    serializer_class = ResidentSerializer
    read_roles = frozenset({STAFF, MANAGER})
    write_roles = frozenset({STAFF})
    action_roles = {"me": frozenset({RESIDENT})}
    http_method_names = ["get", "put", "patch", "head", "options"]
    filterset_fields = ["gender", "dong", "education_level", "employment_status"]
    search_fields = ["name", "email"]
    ordering_fields = ["name", "created_at", "birth_date"]

    def get_queryset(self):
        return resident_queryset().order_by("-created_at", "-id")

    def get_serializer_class(self):
        if self.action == "me":
            return OwnResidentSerializer
        return ResidentSerializer

    @extend_schema(summary="내 구직자 정보 (my resident record)", responses=OwnResidentSerializer)
    @action(detail=False, methods=["get", "patch"], url_path="me")
    def me(self, request):
        resident = resident_queryset().get(pk=request.user.resident.pk)
        if request.method == "PATCH":
            serializer = OwnResidentSerializer(
                resident, data=request.data, partial=True, context=self.get_serializer_context()
            )
            serializer.is_valid(raise_exception=True)
            serializer.save()
            resident = resident_queryset().get(pk=resident.pk)
        return Response(OwnResidentSerializer(resident, context=self.get_serializer_context()).data)
