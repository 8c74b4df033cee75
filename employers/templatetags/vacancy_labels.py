"""Choice labels for the vacancy list, resolved once per language, and the list's rows.

`vacancy.get_employment_type_display` hashes every lazy label of the field on each call (a
gettext call apiece): 20 rows × 4 fields cost ~400 gettext calls per page. `choice_label` looks the
label up in a dict built once per language; `{% vacancy_rows vacancies %}` draws the search's rows
in Python (employers/result_rows.py)."""

from django import template

from employers import result_rows

register = template.Library()

register.filter("choice_label", result_rows.choice_label)


@register.simple_tag
def vacancy_rows(vacancies):
    return result_rows.rows_html(vacancies)
