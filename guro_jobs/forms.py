"""What every portal form shares: KRDS classes on the widgets, so templates stay plain."""

from django import forms
from django.utils.translation import gettext_lazy as _

DASHES = "---------"


def apply_krds_classes(form):
    """Give each widget of a form the KRDS class for its kind (text input, select, textarea)."""
    for field in form.fields.values():
        widget = field.widget
        # Django's blank choice is a row of dashes; say in words what choosing nothing means.
        if isinstance(field, forms.ModelChoiceField) and field.empty_label == DASHES:
            field.empty_label = _("선택 안 함")
        elif isinstance(field, forms.ChoiceField) and not isinstance(
            field,
            forms.MultipleChoiceField | forms.ModelChoiceField,  # listing a queryset's choices costs a query
        ):
            choices = list(field.choices)
            if choices and choices[0] == ("", DASHES):
                field.choices = [("", _("선택 안 함")), *choices[1:]]
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect | forms.CheckboxInput):
            continue  # drawn by KRDS's .krds-form-check markup in templates/includes/form.html
        if isinstance(widget, forms.Select):
            css = "krds-form-select"
        elif isinstance(widget, forms.Textarea):
            css = "krds-input krds-textarea"
        else:
            css = "krds-input"
        if css not in widget.attrs.get("class", ""):
            widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()
    return form


class KrdsFormMixin:
    """Portal forms carry KRDS classes on their widgets, so templates stay plain."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_krds_classes(self)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None, format="%Y-%m-%d"):  # noqa: A002 - Django's own argument name
        super().__init__(attrs=attrs, format=format)


def add_form_error(form, error):
    """Put a service's ValidationError onto the form, per field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
