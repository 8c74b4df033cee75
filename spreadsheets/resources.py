"""The base of every spreadsheet resource: Korean column headers (the same for import and
export), validation through the model's full_clean, and per-cell Korean errors."""

import logging

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone, translation
from django.utils.encoding import force_str
from import_export import fields, resources, widgets

from spreadsheets.checks import FieldChecks
from spreadsheets.widgets import TextWidget, is_empty, remembering

logger = logging.getLogger(__name__)


def column(attribute, header, widget=None, **kwargs):
    """A column: the model attribute and its Korean header."""
    return fields.Field(attribute=attribute, column_name=header, widget=widget or TextWidget(), **kwargs)


class KoreanModelResource(resources.ModelResource):
    # Where an error on a model attribute that has no column of its own is shown.
    error_columns = {}
    # Values used when a column is missing or its cell is empty: {header: value or callable}.
    column_defaults = {}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.progress = kwargs.get("progress")

    def get_import_fields(self):
        """The import columns, worked out once per resource (django-import-export recomputes the
        ordered list several times per row; a 100,000-row file asked 400,000 times)."""
        fields = self.__dict__.get("_import_fields")
        if fields is None:
            fields = self._import_fields = super().get_import_fields()
        return list(fields)

    def prepare_rows(self, rows):
        """Called with each chunk of rows (dicts by header) before they are imported, so a
        resource can look up what they refer to in one query per chunk, not per row."""

    def column_for(self, attribute):
        """The Korean header of the column an error on a model attribute belongs to."""
        if attribute in self.error_columns:
            return self.error_columns[attribute]
        for field in self.fields.values():
            if field.attribute == attribute:
                return field.column_name
        return ""

    def _fill_defaults(self, row):
        for header, default in self.column_defaults.items():
            value = row.get(header)
            if value is None or (isinstance(value, str) and not value.strip()):
                row[header] = default() if callable(default) else default

    def import_row(self, row, instance_loader, **kwargs):
        self._fill_defaults(row)
        return super().import_row(row, instance_loader, **kwargs)

    def import_one(self, row, instance_loader, **kwargs):
        """One row, as django-import-export's import_row does it for these resources (the same
        hooks in the same order: before_import_row, get_or_init_instance, after_init_instance,
        import_instance, validate_instance, save_instance, save_m2m, after_import_row), without its
        per-row bookkeeping (no RowResult, no diff; these resources delete and skip nothing).

        Returns (status, error): ("new" | "update", None), ("invalid", the ValidationError) or
        ("error", the exception)."""
        try:
            self._fill_defaults(row)
            self.before_import_row(row, **kwargs)
            instance, new = self.get_or_init_instance(instance_loader, row)
            self.after_init_instance(instance, new, row, **kwargs)
            import_validation_errors = {}
            try:
                self.import_instance(instance, row, **kwargs)
            except ValidationError as error:
                import_validation_errors = error.update_error_dict(import_validation_errors)
            self.validate_instance(instance, import_validation_errors)
            self.save_instance(instance, new, row, **kwargs)
            self.save_m2m(instance, row, **kwargs)
            self.after_import_row(row, None, **kwargs)
        except ValidationError as error:
            return "invalid", error
        except Exception as error:
            logger.debug(error, exc_info=True)
            return "error", error
        return ("new" if new else "update"), None

    def _cell_plan(self):
        """The import columns, each with how its cell is read, worked out once per import (and
        language): (field, clean) where clean reads the cell straight into the attribute (a plain
        field on the model itself, no default), None to go through field.save as
        django-import-export does. Also notes the many-to-many and lookup columns."""
        # Once per row, not once per choice or date cell.
        language = (translation.get_language(), timezone.get_current_timezone_name())
        cached = self.__dict__.get("_plan")
        if cached is not None and cached[0] == language:
            return cached[1]
        import_fields = self.get_import_fields()
        plan = []
        for field in import_fields:
            if isinstance(field.widget, widgets.ManyToManyWidget) or not field.attribute:
                continue
            simple = (
                type(field) is fields.Field
                and "__" not in field.attribute
                and field.default is fields.NOT_PROVIDED
            )
            plan.append((field, remembering(field.widget) if simple else None))
        self._plan = (language, plan)
        self._m2m_fields = [f for f in import_fields if isinstance(f.widget, widgets.ManyToManyWidget)]
        self._lookup_attributes = [
            f.attribute
            for f in import_fields
            if isinstance(f.widget, widgets.ForeignKeyWidget) and f.attribute
        ]
        return plan

    def import_instance(self, instance, row, **kwargs):
        """Read every cell into the instance (a ValueError is that cell's Korean error), the
        many-to-many cells included, so a bad name is a cell error, not a crash."""
        self._current_row = row
        errors = {}
        for field, clean in self._cell_plan():
            if field.readonly or field.column_name not in row:
                continue
            try:
                if clean is None:
                    field.save(instance, row, **kwargs)
                else:
                    value = clean(row[field.column_name], row=row)
                    if value is not None or field.saves_null_values:
                        setattr(instance, field.attribute, value)
            except ValueError as error:
                errors[field.attribute] = ValidationError(force_str(error), code="invalid")
        m2m = {}
        self._m2m_values = (row, m2m)
        for field in self._m2m_fields:
            if field.column_name in row:
                try:
                    m2m[field.attribute] = field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Model validation (full_clean, step by step) with two adjustments for spreadsheets:

        - foreign keys a lookup widget just read from the database are not re-checked (one
          query per row per column saved);
        - when a cell could not be read, a cross-field rule (model.clean) complaining about an
          *empty* cell is left out: it is a consequence of the bad cell (a dong that is not
          found leaves "outside region" looking required), not a second mistake.
        """
        errors = dict(import_validation_errors or {})
        if "_lookup_attributes" not in self.__dict__:
            self._cell_plan()
        looked_up = {
            attribute
            for attribute in self._lookup_attributes
            if getattr(instance, f"{attribute}_id", None) is not None
        }
        exclude = set(errors) | looked_up
        row = getattr(self, "_current_row", None) or {}
        checks = self.__dict__.get("_field_checks")
        if checks is None:
            checks = self._field_checks = FieldChecks(self._meta.model)
        try:
            checks.clean_fields(instance, exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            instance.clean()
        except ValidationError as error:
            for key, messages in error.update_error_dict({}).items():
                column = self.column_for(key) if key != NON_FIELD_ERRORS else ""
                if import_validation_errors and column and is_empty(row.get(column)):
                    continue
                errors.setdefault(key, [])
                if isinstance(errors[key], list):
                    errors[key].extend(messages)
        if validate_unique:
            try:
                checks.validate_unique(instance, exclude=exclude)
                checks.validate_constraints(instance, exclude=exclude)
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        """Rows are written in batches (Meta.use_bulk, Meta.batch_size): the instance waits in
        create_instances / update_instances until its batch is full. A row that refers to a record
        still waiting in this import (the same person twice in one file) changes that waiting
        record in place instead of being queued a second time."""
        instance._imported_as_new = is_create
        if self._meta.use_bulk and not is_create and instance.pk is None:
            self.before_save_instance(instance, row, **kwargs)
            self.after_save_instance(instance, row, **kwargs)
            return
        super().save_instance(instance, is_create, row, **kwargs)

    def save_m2m(self, instance, row, **kwargs):
        """Keep the many-to-many cells (read from the preloaded lookups) on the instance; in batch
        mode they are written with its batch (see bulk_create / bulk_update), otherwise at once."""
        pending = getattr(instance, "_pending_m2m", None)
        if pending is None:
            pending = instance._pending_m2m = {}
        read_row, read = getattr(self, "_m2m_values", None) or (None, {})
        if read_row is not row:
            read = {}  # only the cells import_instance read for this very row
        for field in self.get_import_fields():
            if not isinstance(field.widget, widgets.ManyToManyWidget) or field.readonly:
                continue
            if field.column_name not in row:
                continue
            values = read[field.attribute] if field.attribute in read else field.clean(row)
            pending[field.attribute] = [value.pk for value in dict.fromkeys(values)]
        if not self._meta.use_bulk:
            self._write_m2m([instance], replace=not getattr(instance, "_imported_as_new", False))

    def _write_m2m(self, instances, replace):
        """Insert the many-to-many links of a written batch: a few queries per batch, not per row."""
        model = self._meta.model
        by_attribute = {}
        for instance in instances:
            for attribute, pks in (getattr(instance, "_pending_m2m", None) or {}).items():
                by_attribute.setdefault(attribute, []).append((instance.pk, pks))
            instance._pending_m2m = {}
        for attribute, links in by_attribute.items():
            relation = model._meta.get_field(attribute)
            through = relation.remote_field.through
            source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
            ordered = list(dict.fromkeys((pk, value) for pk, values in links for value in values))
            wanted = set(ordered)
            if replace:
                # As .set() does: links already there stay (with their own fields), the others go.
                existing = set(
                    through.objects.filter(**{f"{source}_id__in": [pk for pk, _ in links]}).values_list(
                        f"{source}_id", f"{target}_id"
                    )
                )
                gone = existing - wanted
                for pk in {pk for pk, _ in gone}:
                    through.objects.filter(
                        **{f"{source}_id": pk, f"{target}_id__in": [v for p, v in gone if p == pk]}
                    ).delete()
                ordered = [link for link in ordered if link not in existing]
            rows = [through(**{f"{source}_id": pk, f"{target}_id": value}) for pk, value in ordered]
            if rows:
                through.objects.bulk_create(rows, batch_size=self._meta.batch_size)

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if not self.create_instances:
            return
        instances = list(self.create_instances)
        try:
            # One multi-row INSERT per batch; PostgreSQL returns the new ids for the links.
            self._meta.model.objects.bulk_create(instances, batch_size=batch_size)
            self._write_m2m(instances, replace=False)
            self.after_bulk_write(instances)
        except Exception as error:
            self.handle_import_error(result, error, raise_errors)
        finally:
            self.create_instances.clear()

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if not self.update_instances:
            return
        instances = list({id(instance): instance for instance in self.update_instances}.values())
        try:
            self._meta.model.objects.bulk_update(
                instances, self.get_bulk_update_fields(), batch_size=batch_size
            )
            self._write_m2m(instances, replace=True)
            self.after_bulk_write(instances)
        except Exception as error:
            self.handle_import_error(result, error, raise_errors)
        finally:
            self.update_instances.clear()

    def get_bulk_update_fields(self):
        model = self._meta.model
        names = []
        for field in self.get_import_fields():
            if field.readonly or not field.attribute or field.attribute in names:
                continue
            try:
                model_field = model._meta.get_field(field.attribute)
            except Exception:
                continue
            if model_field.concrete and not model_field.many_to_many and not model_field.primary_key:
                names.append(field.attribute)
        return names

    def after_bulk_write(self, instances):
        """Called with every batch once written (the records now have their ids)."""

    def with_related(self, queryset):
        """The export queryset with the joins and prefetches its columns need (no query per row)."""
        return queryset

    def get_export_queryset(self, request=None):
        # The admin list's default order, so the command's file matches the admin's export.
        model = self._meta.model
        return self.with_related(model.objects.order_by(*(model._meta.ordering or ["pk"])))

    def after_import_row(self, row, row_result, **kwargs):
        if self.progress and kwargs.get("row_number"):
            self.progress(kwargs["row_number"])

    class Meta:
        # Kinds whose rows never refer to records created earlier in the same file write in
        # batches (use_bulk = True, batch_size rows per INSERT); the others row by row.
        use_bulk = False
        batch_size = 1000
        clean_model_instances = True
        skip_diff = True
        skip_html_diff = True
        report_skipped = True


def generic_resource_class(model):
    """A resource for any admin list: every concrete field under its Korean verbose name."""
    from django.db import models as djmodels

    from spreadsheets.widgets import BooleanWidget, ChoiceWidget, DateTimeWidget, DateWidget

    attrs = {}
    names = []
    for model_field in model._meta.concrete_fields:
        if isinstance(model_field, djmodels.BinaryField):
            continue
        if model_field.choices:
            choices = type("Choices", (), {"choices": model_field.choices})
            widget = ChoiceWidget(choices)
        elif isinstance(model_field, djmodels.DateTimeField):
            widget = DateTimeWidget()
        elif isinstance(model_field, djmodels.DateField):
            widget = DateWidget()
        elif isinstance(model_field, djmodels.BooleanField):
            widget = BooleanWidget()
        else:
            widget = TextWidget()
        header = "번호" if model_field.primary_key else str(model_field.verbose_name)
        attrs[model_field.name] = column(model_field.name, header, widget, readonly=True)
        names.append(model_field.name)
    meta = type("Meta", (KoreanModelResource.Meta,), {"model": model, "fields": names, "export_order": names})
    attrs["Meta"] = meta
    return type(f"{model.__name__}ExportResource", (KoreanModelResource,), attrs)
