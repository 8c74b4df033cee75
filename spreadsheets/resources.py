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

    def after_import_row(self, row, row_result, **kwargs):
        if self.progress and kwargs.get("row_number"):
            self.progress(kwargs["row_number"])

    class Meta:
        clean_model_instances = True
        skip_diff = True
        skip_html_diff = True
        report_skipped = True
