"""The resume a resident picks on a vacancy's apply form. The vacancy page is employers', the apply
view placements' (placements/vacancy_views.py), which sits above resumes and calls these two."""

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from resumes import selectors


def render_choice(request, resident):
    """The select of the resident's resumes (the default preselected), or a link to write one."""
    return render_to_string(
        "resumes/apply_option.html", {"resumes": list(selectors.resumes_of(resident))}, request=request
    )


def chosen_resume(request, resident):
    """The resume picked on the posted apply form, None for none; another person's id is refused."""
    value = (request.POST.get("resume") or "").strip()
    if not value:
        return None
    resume = selectors.resumes_of(resident).filter(pk=value).first() if value.isdigit() else None
    if resume is None:
        raise ValidationError(_("고른 이력서를 찾을 수 없습니다. 다시 골라 주세요."))
    return resume
