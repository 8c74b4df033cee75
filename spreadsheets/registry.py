"""What can be imported and exported: one entry per kind, named as in the management commands.
spreadsheets sits below the apps whose data it moves, so each app registers its own kinds from its
AppConfig.ready() (`register`); the resource class is imported only when a sheet is read or written."""

from dataclasses import dataclass

from django.apps import apps
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    resource_path: str
    model_path: str
    holds_personal_data: bool

    @property
    def resource_class(self):
        return import_string(self.resource_path)

    @property
    def model(self):
        return apps.get_model(self.model_path)


KINDS = {}


def register(name, *, label, resource, model, holds_personal_data):
    """Make `name` importable and exportable: `resource` the dotted path of its resource class,
    `model` its "app.Model" label."""
    KINDS[name] = Kind(name, label, resource, model, holds_personal_data)


def kind_for_model(model):
    for kind in KINDS.values():
        if kind.model is model:
            return kind
    return None
