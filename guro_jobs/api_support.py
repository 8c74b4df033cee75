"""The API pieces that settings.py names (REST_FRAMEWORK, SPECTACULAR_SETTINGS): paging, throttles,
the error handler and the schema's error responses. Kept apart from the viewsets so DRF can import
them while it loads its own settings."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class StablePageNumberPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100


class _SettingsRates:
    # DRF reads the rates once at import; reading them per request lets settings (and tests) change them.
    @property
    def THROTTLE_RATES(self):  # noqa: N802 (DRF's attribute name)
        return api_settings.DEFAULT_THROTTLE_RATES


class AnonymousRateThrottle(_SettingsRates, AnonRateThrottle):
    """Requests without a login, per client address."""


class PerUserRateThrottle(_SettingsRates, UserRateThrottle):
    """Requests per user: a browser session or a system's token."""


def exception_handler(exc, context):
    """DRF's errors, plus: a service's ValidationError is a 400 with field messages, and a row other
    records still point to is a 409 — never a 500."""
    from rest_framework.serializers import as_serializer_error
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=as_serializer_error(exc))
    elif isinstance(exc, ProtectedError | RestrictedError):
        return Response(
            {"detail": _("다른 기록이 이 항목을 쓰고 있어 삭제할 수 없습니다.")},
            status=status.HTTP_409_CONFLICT,
        )
    elif isinstance(exc, IntegrityError):
        return Response(
            {"detail": _("다른 기록과 겹쳐 저장할 수 없습니다. 입력을 확인해 주세요.")},
            status=status.HTTP_409_CONFLICT,
        )
    return drf_exception_handler(exc, context)


ERROR_SCHEMA = {
    "type": "object",
    "description": "오류 내용: 'detail' 또는 필드별 메시지 목록 (error: 'detail' or per-field messages)",
    "additionalProperties": True,
}
ERROR_RESPONSES = {
    "400": "입력 오류 (invalid input)",
    "401": "로그인 필요 (authentication required)",
    "403": "권한 없음 (forbidden)",
    "404": "없음 (not found)",
    "409": "다른 기록과 충돌 (conflict)",
    "429": "요청 한도 초과 (throttled)",
}


def add_error_responses(result, generator, request, public):
    """Every operation may answer with the portal's error shape; say so in the schema."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for code, description in ERROR_RESPONSES.items():
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                )
    return result
