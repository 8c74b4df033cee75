"""The model's field checks for an import, row after row, without redoing what an earlier row
already proved.

`FieldChecks.clean_fields(instance, exclude)` is Django's `Model.clean_fields` step for step (the
same fields, the same skip of empty blank fields, the same `Field.clean` with its to_python,
choices, null/blank and validators, the same error dict); the only difference is that a value a
field has already accepted in this import is not checked again: its cleaned value is reused. A
spreadsheet repeats the same few values in most columns (성별, 최종 학력, 고용 상태, 동의서 버전,
the consent date), so most cells are a dictionary lookup. Only values that are immutable and
hashable are remembered, only for Django's own non-relational fields (their checks depend on the
value alone), and only when they were accepted: a refused value is checked, and reported, on every
row it appears in.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.expressions import DatabaseDefault

# Values whose check result can be reused: immutable, hashable, compared by value.
REMEMBERED_TYPES = frozenset(
    {str, int, float, bool, Decimal, datetime.date, datetime.datetime, datetime.time}
)
LIMIT = 2_000  # distinct accepted values remembered per field (names, phones are unique per row)
_MISSING = object()


def _value_only(field):
    """A field whose clean() depends on the value alone (not on the instance or the database)."""
    return (
        not field.is_relation
        and type(field).__module__.startswith("django.db.models.fields")
        and type(field).clean is models.Field.clean
    )


class FieldChecks:
    def __init__(self, model):
        # (field, name, attname, skipped when empty, empty values, accepted values or None)
        self.fields = [
            (
                field,
                field.name,
                field.attname,
                field.blank,
                field.empty_values,
                {} if _value_only(field) else None,
            )
            for field in model._meta.fields
            if not field.generated
        ]
        self.unique_checks = {}  # {excluded fields: Django's unique checks for them}
        self.has_constraints = None

    def clean_fields(self, instance, exclude=()):
        """As Model.clean_fields(exclude=...): raise a ValidationError with every bad field."""
        errors = {}
        values = instance.__dict__
        for field, name, attname, blank, empty_values, accepted in self.fields:
            if name in exclude:
                continue
            raw_value = values[attname] if attname in values else getattr(instance, attname)
            if blank and raw_value in empty_values:
                continue
            if isinstance(raw_value, DatabaseDefault):
                continue
            key = None
            if accepted is not None and type(raw_value) in REMEMBERED_TYPES:
                key = (type(raw_value), raw_value)
                cleaned = accepted.get(key, _MISSING)
                if cleaned is not _MISSING:
                    setattr(instance, attname, cleaned)
                    continue
            try:
                cleaned = field.clean(raw_value, instance)
            except ValidationError as error:
                errors[name] = error.error_list
                continue
            setattr(instance, attname, cleaned)
            if key is not None and len(accepted) < LIMIT:
                accepted[key] = cleaned
        if errors:
            raise ValidationError(errors)

    def validate_unique(self, instance, exclude=()):
        """As Model.validate_unique(exclude=...), the list of checks worked out once per set of
        excluded fields (it depends on the model, not on the row); the checks themselves (and
        their queries, for a value that must be unique) run for every row."""
        if type(instance).validate_unique is not models.Model.validate_unique:
            instance.validate_unique(exclude=exclude)
            return
        key = frozenset(exclude)
        checks = self.unique_checks.get(key)
        if checks is None:
            checks = self.unique_checks[key] = instance._get_unique_checks(exclude=set(exclude))
        unique_checks, date_checks = checks
        errors = instance._perform_unique_checks(unique_checks)
        for name, messages in instance._perform_date_checks(date_checks).items():
            errors.setdefault(name, []).extend(messages)
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, instance, exclude=()):
        """As Model.validate_constraints(exclude=...); nothing to do for a model without any."""
        if self.has_constraints is None:
            overridden = type(instance).validate_constraints is not models.Model.validate_constraints
            self.has_constraints = overridden or any(found for _model, found in instance.get_constraints())
        if self.has_constraints:
            instance.validate_constraints(exclude=exclude)
