"""django-import-export widgets that read and write cells the way staff type them in Korean
spreadsheets, and explain a bad cell in Korean (a ValueError becomes that cell's error)."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from import_export import widgets

EMPTY = (None, "")


def is_empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


def text(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class TextWidget(widgets.Widget):
    """A text cell; empty cells become "" (the models' blank text)."""

    def clean(self, value, row=None, **kwargs):
        return "" if is_empty(value) else text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class IntegerWidget(widgets.Widget):
    """A whole number; 1,500,000 and 1500000원 are read as 1500000."""

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            if float(value).is_integer():
                return int(value)
            raise ValueError(_("정수를 입력해 주세요."))
        cleaned = re.sub(r"[,\s원명]", "", str(value))
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            raise ValueError(_("'%(value)s'은(는) 숫자가 아닙니다.") % {"value": value})
        if number != number.to_integral_value():
            raise ValueError(_("정수를 입력해 주세요."))
        return int(number)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


DATE_PATTERNS = [
    re.compile(r"^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일$"),
    re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]


def parse_korean_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value)
    for pattern in DATE_PATTERNS:
        match = pattern.match(raw)
        if match:
            try:
                return datetime.date(*(int(part) for part in match.groups()))
            except ValueError:
                break
    raise ValueError(
        _("'%(value)s'은(는) 날짜가 아닙니다. 예: 2026년 11월 29일 또는 2026-11-29") % {"value": value}
    )


def korean_date(day):
    return f"{day.year}년 {day.month}월 {day.day}일"


class DateWidget(widgets.Widget):
    """Dates written the Korean way (2026년 11월 29일); 2026-11-29, 2026.11.29 and Excel dates are read too."""

    def clean(self, value, row=None, **kwargs):
        return None if is_empty(value) else parse_korean_date(value)

    def render(self, value, obj=None, **kwargs):
        return korean_date(value) if value else ""


class DateTimeWidget(widgets.Widget):
    """A date and time; a date alone means midnight in Seoul."""

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return None
        if isinstance(value, datetime.datetime):
            moment = value
        else:
            raw = text(value)
            match = re.match(r"^(.*?)\s+(\d{1,2}):(\d{2})$", raw)
            if match:
                day = parse_korean_date(match.group(1))
                moment = datetime.datetime.combine(
                    day, datetime.time(int(match.group(2)), int(match.group(3)))
                )
            else:
                moment = datetime.datetime.combine(parse_korean_date(raw), datetime.time())
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment

    def render(self, value, obj=None, **kwargs):
        if not value:
            return ""
        local = timezone.localtime(value)
        return f"{korean_date(local)} {local:%H:%M}"


class BooleanWidget(widgets.Widget):
    """예 / 아니오 (also Y/N, O/X, 1/0)."""

    TRUE = {"예", "네", "y", "yes", "o", "1", "true", "○"}
    FALSE = {"아니오", "아니요", "n", "no", "x", "0", "false", "×"}

    def __init__(self, empty=None, **kwargs):
        self.empty = empty
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return self.empty
        if isinstance(value, bool):
            return value
        raw = text(value).lower()
        if raw in self.TRUE:
            return True
        if raw in self.FALSE:
            return False
        raise ValueError(_("'예' 또는 '아니오'로 적어 주세요."))

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return _("예") if value else _("아니오")


class ChoiceWidget(widgets.Widget):
    """A choice written by its Korean label (여성, 고등학교 졸업); the stored code is accepted too."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        super().__init__(**kwargs)

    def _codes(self):
        """{label or code: code} in the active language, built once per language (a large
        import reads the same few labels on every row)."""
        language = translation.get_language()
        cached = getattr(self, "_codes_by_language", None)
        if cached is None or cached[0] != language:
            codes = {}
            for code, label in self.choices.choices:  # the first choice that matches wins
                codes.setdefault(str(label), code)
                codes.setdefault(code, code)
            cached = self._codes_by_language = (language, codes)
        return cached[1]

    def clean(self, value, row=None, **kwargs):
        return self._clean_with(self._codes(), value)

    def _clean_with(self, codes, value):
        if is_empty(value):
            return ""
        raw = text(value)
        code = codes.get(raw)
        if code is not None:
            return code
        labels = ", ".join(str(label) for _code, label in self.choices.choices)
        raise ValueError(
            _("'%(value)s'은(는) 고를 수 있는 값이 아닙니다. (%(labels)s)") % {"value": raw, "labels": labels}
        )

    def cleaner(self):
        """clean() for the language active now, its labels looked up once: an import runs in one
        language, so its cells need not ask for the language each time."""
        codes = self._codes()
        return lambda value, row=None, **kwargs: self._clean_with(codes, value)

    def render(self, value, obj=None, **kwargs):
        if not value:
            return ""
        return str(dict(self.choices.choices).get(value, value))


class ChoiceListWidget(ChoiceWidget):
    """Several choices in one cell, separated by commas (희망 고용 형태: 정규직, 시간제)."""

    def clean(self, value, row=None, **kwargs):
        return self._clean_with(self._codes(), value)

    def _clean_with(self, codes, value):
        if is_empty(value):
            return []
        clean_one = super()._clean_with
        return [clean_one(codes, part) for part in re.split(r"[,、]", text(value)) if part.strip()]

    def render(self, value, obj=None, **kwargs):
        return ", ".join(super(ChoiceListWidget, self).render(code) for code in value or [])


class LookupWidget(widgets.ForeignKeyWidget):
    """A related record found by a readable field (행정동 name, business number, program code).

    Lookups are remembered for the length of one import, so 10,000 rows naming 16 dongs cost
    16 queries, not 10,000.
    """

    def __init__(self, model, field, label, normalize=None, **kwargs):
        self.label = label
        self.normalize = normalize
        self.cache = {}
        super().__init__(model, field=field, **kwargs)

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return None
        raw = text(value)
        if self.normalize:
            try:
                raw = self.normalize(raw)
            except Exception:
                raise ValueError(
                    _("'%(value)s'은(는) 올바른 %(label)s이(가) 아닙니다.")
                    % {"value": value, "label": self.label}
                )
        if raw not in self.cache:
            self.cache[raw] = self.model.objects.filter(**{self.field: raw}).first()
        found = self.cache[raw]
        if found is None:
            raise ValueError(
                _("'%(value)s'은(는) 등록되지 않은 %(label)s입니다.") % {"value": raw, "label": self.label}
            )
        return found


class NamesWidget(widgets.ManyToManyWidget):
    """Several related records by name, separated by commas; every name must exist."""

    def __init__(self, model, field="name", label="", **kwargs):
        self.label = label
        self.cache = None
        super().__init__(model, separator=",", field=field, **kwargs)

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            return []
        if self.cache is None:
            self.cache = {getattr(obj, self.field): obj for obj in self.model.objects.all()}
        names = [part.strip() for part in text(value).split(self.separator) if part.strip()]
        unknown = [name for name in names if name not in self.cache]
        if unknown:
            raise ValueError(
                _("등록되지 않은 %(label)s: %(names)s") % {"label": self.label, "names": ", ".join(unknown)}
            )
        return [self.cache[name] for name in names]

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return ", ".join(str(getattr(item, self.field)) for item in value.all())


# Cell values whose reading can be remembered: immutable, hashable, compared by value (and type).
CELL_TYPES = frozenset({str, int, float, bool, Decimal, datetime.date, datetime.datetime, datetime.time})
REMEMBERED = 2_000  # distinct cells remembered per column (unique columns stop there)
_MISSING = object()


def remembering(widget):
    """widget.clean (or its cleaner for the active language) for one import's column, remembering
    what each distinct cell read as: a column repeats the same few values (성별, 학력, the consent
    date), so most cells are a dictionary lookup. Only widgets of this module whose reading
    depends on the cell alone (given the import's language and time zone) are remembered; a cell
    that cannot be read is read, and refused, again each time, so every row gets its message."""
    cleaner = getattr(widget, "cleaner", None)
    clean = cleaner() if cleaner else widget.clean
    if type(widget) not in (TextWidget, IntegerWidget, DateWidget, DateTimeWidget, BooleanWidget) + (
        ChoiceWidget,
        ChoiceListWidget,
    ):
        return clean
    seen = {}

    def read(value, row=None, **kwargs):
        kind = type(value)
        if kind not in CELL_TYPES:
            return clean(value, row=row, **kwargs)
        key = (kind, value)
        result = seen.get(key, _MISSING)
        if result is _MISSING:
            result = clean(value, row=row, **kwargs)
            if len(seen) < REMEMBERED:
                seen[key] = list(result) if type(result) is list else result
        return list(result) if type(result) is list else result

    return read
