"""Let a higher app add to a lower app's admin page without the lower app importing it.

`residents` sits below `programs` and `placements`, yet the resident's admin page shows their program
and job applications and the matching link. The higher app's admin.py (autodiscovered after the lower
one's, and importing it) calls `extend_admin`, which re-registers the model with a subclass of the
admin registered now plus the higher app's mixins, inlines and read-only fields.
"""

from django.contrib import admin


def extend_admin(model, *, mixins=(), inlines=(), before_inline=None, readonly_fields=(), fieldset=None):
    """Re-register `model`'s admin with `mixins` in front, `inlines` inserted before `before_inline`
    (or at the end) and `readonly_fields` added (and shown at the end of the fieldset named
    `fieldset`, when the admin has fieldsets)."""
    base = type(admin.site._registry[model])
    base_inlines = list(base.inlines)
    at = base_inlines.index(before_inline) if before_inline in base_inlines else len(base_inlines)
    attrs = {
        "__module__": base.__module__,
        "__doc__": base.__doc__,
        "inlines": [*base_inlines[:at], *inlines, *base_inlines[at:]],
        "readonly_fields": [*base.readonly_fields, *readonly_fields],
    }
    if base.fieldsets and fieldset is not None:
        attrs["fieldsets"] = [
            (name, {**options, "fields": [*options["fields"], *readonly_fields]})
            if str(name) == str(fieldset)
            else (name, options)
            for name, options in base.fieldsets
        ]
    extended = type(base.__name__, (*mixins, base), attrs)
    admin.site.unregister(model)
    admin.site.register(model, extended)
    return extended
