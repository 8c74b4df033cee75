"""What `resumes` adds to the pages of the apps below it, registered from ResumesConfig.ready():
a panel on the resident's page (/me/) and the resume choice on the vacancy page's apply form."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from employers import apply_options, resident_facts
from residents import anonymisation, me_panels
from resumes import data_export, selectors, services


def chosen_resume(request, resident):
    """The resume picked on the apply form ("" for none); another person's id is refused."""
    value = (request.POST.get("resume") or "").strip()
    if not value:
        return {"resume": None}
    resume = selectors.resumes_of(resident).filter(pk=value).first() if value.isdigit() else None
    if resume is None:
        raise ValidationError(_("고른 이력서를 찾을 수 없습니다. 다시 골라 주세요."))
    return {"resume": resume}


def connect():
    me_panels.register(
        "resumes",
        order=15,
        template="resumes/me_panel.html",
        context=lambda request, resident: {"resumes": list(selectors.resumes_of(resident))},
    )
    apply_options.register(
        "resume",
        template="resumes/apply_option.html",
        context=lambda request, resident, vacancy: {"resumes": list(selectors.resumes_of(resident))},
        read=chosen_resume,
    )
    resident_facts.register_career_years(selectors.career_years)
    data_export.register()
    anonymisation.register("resumes", services.forget_resident)
