"""What `resumes` adds to the apps below it, registered from ResumesConfig.ready(): a panel on the
resident's page (/me/), the "my career years" link on the vacancy search, the resident's own data
download, and what anonymisation removes. (The resume choice on the apply form is drawn by placements,
which sits above resumes: resumes/apply_choice.py.)"""

from employers import page_extras
from residents import anonymisation, me_panels
from residents.permissions import read_along_with_resident, resident_of_request, values_read_with_resident
from resumes import data_export, selectors, services


def prepare_vacancy_list(request, vacancy_ids):
    """Ask for the career entries in the query that reads the resident (employers/page_extras.py)."""
    if "career_years" not in request.GET:
        read_along_with_resident(request, "career_entries", *selectors.career_entries_sql())


def vacancy_list_context(request, vacancy_ids):
    """The resident's career years from their resumes, offered as a filter unless one is chosen."""
    resident = resident_of_request(request)
    if resident is None or "career_years" in request.GET:
        return {}
    entries = values_read_with_resident(request).get("career_entries")
    if entries is None:  # the resident was read before prepare_vacancy_list asked
        return {"my_career_years": selectors.career_years(resident)}
    return {"my_career_years": selectors.career_years_from_read(entries)}


def connect():
    me_panels.register(
        "resumes",
        order=15,
        template="resumes/me_panel.html",
        context=lambda request, resident: {"resumes": list(selectors.resumes_of(resident))},
    )
    page_extras.register("vacancy_list", "resumes", vacancy_list_context, prepare=prepare_vacancy_list)
    data_export.register()
    anonymisation.register("resumes", services.forget_resident)
