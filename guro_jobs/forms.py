"""What every portal form shares: KRDS classes on the widgets, so templates stay plain."""

from django import forms


class KrdsFormMixin:
    """Give each widget the KRDS class for its kind (text input, select, checkbox, textarea)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect | forms.CheckboxInput):
                continue
            if isinstance(widget, forms.Select):
                css = "krds-form-select"
            elif isinstance(widget, forms.Textarea):
                css = "krds-input krds-textarea"
            else:
                css = "krds-input"
            widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None, format="%Y-%m-%d"):  # noqa: A002 - Django's own argument name
        super().__init__(attrs=attrs, format=format)
