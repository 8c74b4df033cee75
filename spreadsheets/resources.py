"""The base of every spreadsheet resource: Korean column headers (the same for import and
export), validation through the model's full_clean, and per-cell Korean errors."""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from spreadsheets.widgets import TextWidget


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

    def column_for(self, attribute):
        """The Korean header of the column an error on a model attribute belongs to."""
        if attribute in self.error_columns:
            return self.error_columns[attribute]
        for field in self.fields.values():
            if field.attribute == attribute:
                return field.column_name
        return ""

    def import_row(self, row, instance_loader, **kwargs):
        for header, default in self.column_defaults.items():
            value = row.get(header)
            if value is None or (isinstance(value, str) and not value.strip()):
                row[header] = default() if callable(default) else default
        return super().import_row(row, instance_loader, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        """Also check the many-to-many cells up front, so a bad name is a cell error, not a crash."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """full_clean, less the foreign keys a lookup widget just read from the database (their
        existence is proven, so re-checking would cost one query per row per column)."""
        errors = dict(import_validation_errors or {})
        looked_up = {
            field.attribute
            for field in self.get_import_fields()
            if isinstance(field.widget, widgets.ForeignKeyWidget)
            and getattr(instance, f"{field.attribute}_id", None) is not None
        }
        try:
            instance.full_clean(exclude=set(errors) | looked_up, validate_unique=validate_unique)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        instance._imported_as_new = is_create
        super().save_instance(instance, is_create, row, **kwargs)

    def save_m2m(self, instance, row, **kwargs):
        """Set the many-to-many cells; a new record with an empty cell needs no query at all."""
        for field in self.get_import_fields():
            if not isinstance(field.widget, widgets.ManyToManyWidget) or field.readonly:
                continue
            if field.column_name not in row:
                continue
            values = field.clean(row)
            manager = getattr(instance, field.attribute)
            if getattr(instance, "_imported_as_new", False):
                if values:
                    manager.add(*values)
            else:
                manager.set(values)

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
