"""Casework in the API, for district staff only (residents, employers and managers get 403):
a resident's case notes at /api/v1/residents/<id>/case-notes/, and internal referrals at
/api/v1/referrals/ with accept / return. Every read and write is in the personal-data access log."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import STAFF
from audit.models import PersonalDataAccess
from audit.services import log_access
from casework import selectors, services
from casework.models import CaseNote, NoteTemplate, Referral
from guro_jobs.api import PortalModelViewSet, PortalViewSetMixin
from residents.models import Resident

Action = PersonalDataAccess.Action
STAFF_ONLY = frozenset({STAFF})


class CaseNoteSerializer(serializers.ModelSerializer):
    template = serializers.ChoiceField(choices=NoteTemplate.choices, help_text=_("상담 양식"))
    body = serializers.CharField(help_text=_("내용"), max_length=20000)
    author_name = serializers.CharField(
        source="author.get_username",
        read_only=True,
        default=None,
        allow_null=True,
        help_text=_("작성한 직원"),
    )

    class Meta:
        model = CaseNote
        fields = ["id", "resident", "template", "body", "written_at", "author", "author_name"]
        read_only_fields = ["id", "resident", "written_at", "author"]
        extra_kwargs = {
            "resident": {"help_text": _("구직자")},
            "written_at": {"help_text": _("작성 일시")},
            "author": {"help_text": _("작성한 직원")},
        }


@extend_schema(
    parameters=[OpenApiParameter("resident_id", int, OpenApiParameter.PATH, description="구직자 id")]
)
class CaseNoteViewSet(
    PortalViewSetMixin, mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """상담 기록 (a resident's case notes): district staff only."""

    serializer_class = CaseNoteSerializer
    read_roles = STAFF_ONLY
    write_roles = STAFF_ONLY

    def resident(self):
        if not hasattr(self, "_resident"):
            resident_id = self.kwargs["resident_id"]
            self._resident = get_object_or_404(Resident, pk=resident_id if str(resident_id).isdigit() else 0)
        return self._resident

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no resident in the URL
            return CaseNote.objects.none()
        return (
            CaseNote.objects.filter(resident=self.resident())
            .select_related("author")
            .order_by("-written_at", "-id")
        )

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        log_access(request=request, action=Action.VIEW, resident=self.resident(), target=_("API 상담 기록"))
        return response

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        note = services.add_case_note(resident=self.resident(), by=request.user, **serializer.validated_data)
        log_access(request=request, action=Action.ADD, resident=note.resident, target=_("API 상담 기록"))
        return Response(self.get_serializer(note).data, status=status.HTTP_201_CREATED)


class ReferralSerializer(serializers.ModelSerializer):
    receiver = serializers.CharField(source="receiver_label", read_only=True, help_text=_("받는 곳"))

    class Meta:
        model = Referral
        fields = [
            "id",
            "resident",
            "to_team",
            "to_counsellor",
            "to_program",
            "to_employer",
            "receiver",
            "reason",
            "status",
            "referred_by",
            "created_at",
            "responded_by",
            "responded_at",
            "response_note",
        ]
        read_only_fields = [
            "status",
            "referred_by",
            "created_at",
            "responded_by",
            "responded_at",
            "response_note",
        ]
        extra_kwargs = {
            name: {"help_text": Referral._meta.get_field(name).verbose_name}
            for name in fields
            if name not in {"id", "receiver"}
        }

    def build_field(self, field_name, info, model_class, nested_depth):
        field_class, kwargs = super().build_field(field_name, info, model_class, nested_depth)
        if field_name == "reason":
            kwargs["max_length"] = 5000
        return field_class, kwargs


class ReferralAnswerSerializer(serializers.Serializer):
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=5000,
        help_text=_("처리 의견 (반송할 때는 반송 사유, 필수)"),
    )


class ReferralViewSet(PortalModelViewSet):
    """내부 의뢰 (internal referrals): district staff refer, and the receiver accepts or returns."""

    serializer_class = ReferralSerializer
    read_roles = STAFF_ONLY
    write_roles = STAFF_ONLY
    action_roles = {"accept": STAFF_ONLY, "return_": STAFF_ONLY}
    http_method_names = ["get", "post", "head", "options"]
    filterset_fields = ["status", "resident", "to_team", "to_counsellor", "to_program", "to_employer"]
    ordering_fields = ["created_at", "responded_at"]

    def get_queryset(self):
        return selectors.referrals_with_receivers().order_by("-created_at", "-id")

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        rows = (
            response.data.get("results", response.data) if isinstance(response.data, dict) else response.data
        )
        log_access(request=request, action=Action.VIEW, target=_("API 내부 의뢰 목록"), row_count=len(rows))
        return response

    def retrieve(self, request, *args, **kwargs):
        referral = self.get_object()
        log_access(request=request, action=Action.VIEW, resident=referral.resident, target=_("API 내부 의뢰"))
        return Response(self.get_serializer(referral).data)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        referral = services.refer_resident(by=request.user, **data)
        log_access(request=request, action=Action.ADD, resident=referral.resident, target=_("API 내부 의뢰"))
        return Response(self.get_serializer(referral).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="의뢰 수락 (accept)", request=ReferralAnswerSerializer, responses=ReferralSerializer
    )
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        answer = ReferralAnswerSerializer(data=request.data)
        answer.is_valid(raise_exception=True)
        referral = services.accept_referral(
            referral=self.get_object(), by=request.user, note=answer.validated_data.get("note", "")
        )
        log_access(
            request=request, action=Action.CHANGE, resident=referral.resident, target=_("API 내부 의뢰 수락")
        )
        return Response(self.get_serializer(referral).data)

    @extend_schema(
        summary="의뢰 반송 (return)", request=ReferralAnswerSerializer, responses=ReferralSerializer
    )
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_(self, request, pk=None):
        answer = ReferralAnswerSerializer(data=request.data)
        answer.is_valid(raise_exception=True)
        referral = services.return_referral(
            referral=self.get_object(), by=request.user, reason=answer.validated_data.get("note", "")
        )
        log_access(
            request=request, action=Action.CHANGE, resident=referral.resident, target=_("API 내부 의뢰 반송")
        )
        return Response(self.get_serializer(referral).data)
