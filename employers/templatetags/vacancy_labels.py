"""Choice labels for the vacancy list, resolved once per language.

`vacancy.get_employment_type_display` hashes every lazy label of the field on each call (a
gettext call apiece): 20 rows × 4 fields cost ~400 gettext calls per page. These filters look the
label up in a dict built once per language."""

from django import template
from django.utils.translation import get_language

from employers.models import Employer, Vacancy
from references.choices import EmploymentType, SeoulDistrict, WageUnit

register = template.Library()

CHOICES = {
    "employer_kind": Employer.Kind,
    "employment_type": EmploymentType,
    "wage_unit": WageUnit,
    "district": SeoulDistrict,
    "source": Vacancy.Source,
}
_labels = {}


@register.filter
def choice_label(value, kind):
    key = (kind, get_language())
    labels = _labels.get(key)
    if labels is None:
        labels = _labels[key] = {code: str(label) for code, label in CHOICES[kind].choices}
    return labels.get(value, value)
