"""What can be imported and exported: one entry per kind, named as in the management commands."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    resource_path: str
    model_path: str
    holds_personal_data: bool

    @property
    def resource_class(self):
        from django.utils.module_loading import import_string

        return import_string(self.resource_path)

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_path)


KINDS = {
    "residents": Kind(
        "residents", _("구직자"), "residents.resources.ResidentResource", "residents.Resident", True
    ),
    "employers": Kind(
        "employers", _("기업"), "employers.resources.EmployerResource", "employers.Employer", False
    ),
    "vacancies": Kind(
        "vacancies", _("채용 공고"), "employers.resources.VacancyResource", "employers.Vacancy", False
    ),
    "placements": Kind(
        "placements",
        _("취업·참여 실적"),
        "placements.resources.PlacementResource",
        "placements.Placement",
        True,
    ),
    "occupations": Kind(
        "occupations",
        _("직종(한국고용직업분류)"),
        "references.resources.OccupationResource",
        "references.Occupation",
        False,
    ),
}


def kind_for_model(model):
    for kind in KINDS.values():
        if kind.model is model:
            return kind
    return None
