import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class PipaPasswordValidator:
    """Password rule of Korea's PIPA safeguard standard: 10+ characters of two kinds, or 8+ of three.

    The kinds are letters, digits and special characters (upper and lower case count as one kind).
    """

    KINDS = (r"[A-Za-z]", r"[0-9]", r"[^A-Za-z0-9]")

    def validate(self, password, user=None):
        kinds = sum(1 for pattern in self.KINDS if re.search(pattern, password))
        if (kinds >= 2 and len(password) >= 10) or (kinds >= 3 and len(password) >= 8):
            return
        raise ValidationError(self.get_help_text(), code="password_pipa_rule")

    def get_help_text(self):
        return _(
            "비밀번호는 영문자·숫자·특수문자 중 두 종류 이상을 섞어 10자 이상, "
            "또는 세 종류를 모두 섞어 8자 이상이어야 합니다."
        )
