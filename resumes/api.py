"""Resumes in the API (/api/v1/resumes/): a resident reads and writes their own; district staff
read everyone's, each read access-logged; nobody else. Entries are written with the resume: a
list given replaces that history. The attached file is `{id}/file/`: PUT (multipart, field `file`)
attaches or replaces it, DELETE removes it (the resident), GET downloads it (the resident, staff,
each staff read logged), with the same checks as the pages (/me/resumes/)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from accounts.permissions import RESIDENT, STAFF
from audit.api_mixins import LogsPersonalDataReadsMixin
from guro_jobs.api import PortalModelSerializer, PortalModelViewSet
from references.choices import EmploymentType
from resumes import services
from resumes.models import CareerEntry, CertificateEntry, EducationEntry, LanguageEntry, Resume
from resumes.selectors import resumes_of
from resumes.views import resume_file_response


class EducationEntrySerializer(PortalModelSerializer):
    class Meta:
        model = EducationEntry
        fields = ["school", "major", "started_on", "ended_on", "status"]


class CareerEntrySerializer(PortalModelSerializer):
    class Meta:
        model = CareerEntry
        fields = ["employer_name", "started_on", "ended_on", "is_current", "position", "duties"]


class CertificateEntrySerializer(PortalModelSerializer):
    class Meta:
        model = CertificateEntry
        fields = ["name", "issuer", "acquired_on", "number"]


class LanguageEntrySerializer(PortalModelSerializer):
    class Meta:
        model = LanguageEntry
        fields = ["language", "level"]


ENTRY_LISTS = {
    "education": EducationEntry,
    "careers": CareerEntry,
    "certificates": CertificateEntry,
    "languages": LanguageEntry,
}


class ResumeSerializer(PortalModelSerializer):
    desired_employment_types = serializers.ListField(
        child=serializers.ChoiceField(choices=EmploymentType.choices),
        required=False,
        max_length=len(EmploymentType.choices),
        help_text=_("희망 고용 형태"),
    )
    education = EducationEntrySerializer(many=True, required=False, max_length=10, help_text=_("학력"))
    careers = CareerEntrySerializer(many=True, required=False, max_length=30, help_text=_("경력"))
    certificates = CertificateEntrySerializer(many=True, required=False, max_length=30, help_text=_("자격증"))
    languages = LanguageEntrySerializer(many=True, required=False, max_length=10, help_text=_("외국어"))
    has_file = serializers.BooleanField(read_only=True, help_text=_("첨부 파일 있음"))
    scan_status = serializers.CharField(
        read_only=True,
        help_text=_("바이러스 검사: unscanned(검사 안 함), clean(검사 통과), 파일이 없으면 빈 값"),
    )

    class Meta:
        model = Resume
        fields = [
            "id",
            "resident",
            "title",
            "is_default",
            "desired_occupations",
            "desired_employment_types",
            "desired_monthly_wage",
            "desired_area",
            "growth",
            "motivation",
            "aspirations",
            "other",
            "education",
            "careers",
            "certificates",
            "languages",
            "has_file",
            "file_name",
            "file_size",
            "scan_status",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["resident", "file_name", "file_size", "scan_status", "created_at", "updated_at"]
        extra_kwargs = {"desired_monthly_wage": {"max_value": 100_000_000}}

    @transaction.atomic
    def save_with_entries(self, resume, validated_data):
        entries = {name: validated_data.pop(name) for name in ENTRY_LISTS if name in validated_data}
        occupations = validated_data.pop("desired_occupations", None)
        for name, value in validated_data.items():
            setattr(resume, name, value)
        services.save_resume(resume=resume, desired_occupations=occupations)
        for name, rows in entries.items():
            model = ENTRY_LISTS[name]
            model.objects.filter(resume=resume).delete()
            for index, row in enumerate(rows):
                entry = model(resume=resume, **row)
                try:
                    entry.full_clean()
                except ValidationError as error:
                    raise serializers.ValidationError({name: {index: serializers.as_serializer_error(error)}})
                entry.save()
        return resume

    def create(self, validated_data):
        return self.save_with_entries(Resume(resident=self.context["request"].user.resident), validated_data)

    def update(self, instance, validated_data):
        return self.save_with_entries(instance, validated_data)


class ResumeFileSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text=_("PDF, 한글(HWP·HWPX), 워드(DOCX) 파일"),
        error_messages={
            "required": _("올릴 파일을 골라 주세요."),
            "empty": _("빈 파일입니다. 내용이 있는 파일을 올려 주세요."),
        },
    )


class ResumeViewSet(LogsPersonalDataReadsMixin, PortalModelViewSet):
    """이력서 (resumes): a resident's own; staff read all."""

    unlogged_roles = frozenset({RESIDENT})  # a resident reads only their own resumes

    serializer_class = ResumeSerializer
    read_roles = frozenset({STAFF, RESIDENT})
    write_roles = frozenset({RESIDENT})
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    filterset_fields = ["is_default"]
    search_fields = ["title"]
    ordering_fields = ["updated_at", "created_at"]

    def get_queryset(self):
        if self.role == RESIDENT:
            return resumes_of(self.request.user.resident)
        return (
            Resume.objects.select_related("resident")
            .prefetch_related("desired_occupations", "education", "careers", "certificates", "languages")
            .order_by("-updated_at", "-id")
        )

    def perform_destroy(self, instance):
        services.delete_resume(resume=instance)

    @extend_schema(
        summary="이력서 첨부 파일 (GET 내려받기, PUT 올리기·바꾸기, DELETE 지우기)",
        request={"multipart/form-data": ResumeFileSerializer},
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY, 204: None},
        methods=["GET", "PUT", "DELETE"],
    )
    @action(detail=True, methods=["get", "put", "delete"], parser_classes=[MultiPartParser, FormParser])
    def file(self, request, pk=None):
        resume = self.get_object()
        if request.method == "GET":
            return resume_file_response(request, resume)
        if request.method == "DELETE":
            services.remove_file(resume=resume)
            return Response(status=status.HTTP_204_NO_CONTENT)
        upload = ResumeFileSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        try:
            services.attach_file(resume=resume, file=upload.validated_data["file"])
        except ValidationError as error:
            raise serializers.ValidationError({"file": error.messages})
        return Response(self.get_serializer(resume).data)
