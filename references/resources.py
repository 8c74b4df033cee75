"""The occupation classification in spreadsheets: `manage.py load_occupations FILE.xlsx` loads
or updates the official KECO file, checked row by row like every other import.

Columns: 코드 (the KECO code: 1 digit for a major group, 2 middle, 3 minor, 4 detailed),
직업명, 영문 직업명 (optional). A group's level and parent follow from its code ("1332" sits
under "133"), so parents come before their children in the file or already exist.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from references.models import Occupation
from spreadsheets.resources import KoreanModelResource, column
from spreadsheets.widgets import is_empty, text

CODE = re.compile(r"[0-9]{1,4}")


class OccupationResource(KoreanModelResource):
    code = column("code", "코드")
    name = column("name", "직업명")
    name_en = column("name_en", "영문 직업명")
    level = column("level", "분류 단계", readonly=True)
    parent_code = column("parent__code", "상위 분류 코드", readonly=True)

    error_columns = {"level": "코드", "parent": "코드"}

    class Meta(KoreanModelResource.Meta):
        model = Occupation
        import_id_fields = ["code"]
        fields = ["code", "name", "name_en", "level", "parent_code"]
        export_order = fields

    def before_import_row(self, row, **kwargs):
        code = row.get("코드")
        if not is_empty(code):
            # Excel turns "011" into 11: a number cell keeps no leading zero, so the file's
            # code is taken as text, and a whole number as the digits it shows.
            row["코드"] = text(code)

    def get_instance(self, instance_loader, row):
        code = row.get("코드")
        return None if is_empty(code) else Occupation.objects.filter(code=text(code)).first()

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        code = instance.code or ""
        if not CODE.fullmatch(code):
            raise ValidationError({"code": [_("코드는 숫자 1~4자리여야 합니다. 예: 1, 13, 133, 1331")]})
        instance.level = len(code)
        instance.parent = None
        if instance.level > 1:
            parent = Occupation.objects.filter(code=code[:-1]).first()
            if parent is None:
                raise ValidationError(
                    {
                        "code": [
                            _("상위 분류(%(code)s)가 없습니다. 상위 분류 행을 먼저 넣어 주세요.")
                            % {"code": code[:-1]}
                        ]
                    }
                )
            instance.parent = parent

    def with_related(self, queryset):
        return queryset.select_related("parent")
