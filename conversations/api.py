"""Messages of one job application in the API: its applicant and employer list and send; staff
read (each read logged) only while one side has asked for help."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.response import Response

from accounts.permissions import EMPLOYER, RESIDENT, STAFF
from audit.api_mixins import LogsPersonalDataReadsMixin
from conversations import selectors, services
from conversations.models import Message
from guro_jobs.api import PortalModelSerializer, PortalViewSetMixin
from placements.models import JobApplication


class MessageSerializer(PortalModelSerializer):
    class Meta:
        model = Message
        fields = ["id", "side", "body", "sent_at"]
        read_only_fields = ["id", "side", "sent_at"]
        extra_kwargs = {"body": {"max_length": settings.APPLICATION_MESSAGE_MAX_LENGTH}}


@extend_schema(
    parameters=[OpenApiParameter("application_id", int, OpenApiParameter.PATH, description="채용 지원 id")]
)
class MessageViewSet(
    LogsPersonalDataReadsMixin, PortalViewSetMixin, mixins.ListModelMixin, viewsets.GenericViewSet
):
    """지원 메시지 (messages) of one job application."""

    serializer_class = MessageSerializer
    read_roles = frozenset({STAFF, EMPLOYER, RESIDENT})
    write_roles = frozenset({STAFF, EMPLOYER, RESIDENT})
    # Employers read only their own applicants' messages; staff reads are the ones to log, and the
    # employer's too, as with its other reads of applicants.
    unlogged_roles = frozenset({RESIDENT})
    access_log_label = _("지원 메시지")

    def application(self):
        queryset = JobApplication.objects.select_related("vacancy__employer", "resident__user")
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
        application = get_object_or_404(queryset, pk=int(application_id))
        if self.role == STAFF and not services.staff_may_read(selectors.thread_of(application)):
            raise exceptions.PermissionDenied(_("도움 요청이 있는 대화만 직원이 볼 수 있습니다."))
        return application

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Message.objects.none()
        return selectors.messages_of(selectors.thread_of(self.application()))

    @extend_schema(summary="메시지 보내기", request=MessageSerializer, responses={201: MessageSerializer})
    def create(self, request, *args, **kwargs):
        data = MessageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        message = services.send_message(
            application=self.application(), by=request.user, body=data.validated_data["body"]
        )
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)
