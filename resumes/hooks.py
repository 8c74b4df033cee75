"""What `resumes` adds to the apps below it, registered from ResumesConfig.ready(): a panel on the
resident's page (/me/), the "my career years" link on the vacancy search, the resident's own data
download, and what anonymisation removes. (The resume choice on the apply form is drawn by placements,
which sits above resumes: resumes/apply_choice.py.)"""

from employers import page_extras
from residents import anonymisation, me_panels
from residents.permissions import resident_of_request
from resumes import data_export, selectors, services


def vacancy_list_context(request):
    """The resident's career years from their resumes, offered as a filter unless one is chosen."""
    resident = resident_of_request(request)
    if resident is None or "career_years" in request.GET:
        return {}
    return {"my_career_years": selectors.career_years(resident)}


def connect():
    me_panels.register(
        "resumes",
        order=15,
        template="resumes/me_panel.html",
        context=lambda request, resident: {"resumes": list(selectors.resumes_of(resident))},
    )
    page_extras.register("vacancy_list", "resumes", vacancy_list_context)
    data_export.register()
    anonymisation.register("resumes", services.forget_resident)
