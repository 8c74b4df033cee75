"""API tokens that expire: a token older than API_TOKEN_EXPIRY_DAYS is refused (401), so a key
forgotten in another system stops working; staff issue a new one or revoke it in the admin."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


def token_expires_at(token):
    return token.created + datetime.timedelta(days=settings.API_TOKEN_EXPIRY_DAYS)


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if timezone.now() >= token_expires_at(token):
            raise exceptions.AuthenticationFailed(
                _("API 토큰이 만료되었습니다. 일자리지원과에 새 토큰을 요청해 주세요.")
            )
        return user, token
