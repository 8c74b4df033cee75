"""What a resident's profile still lacks, as a list of checks other apps can add to.

Each check has a key, a Korean label, `is_complete(resident)` and the address where the resident
fills it in. `residents` registers the profile's own fields below; a higher app (the resumes app,
for "이력서 등록") registers its own from its `AppConfig.ready()`:

    completeness.register_check(
        "resume", label=_("이력서 등록"), is_complete=lambda resident: resident.resumes.exists(),
        url=lambda: reverse("resumes:list"), order=100,
    )

Checks read the resident's own fields or one related list each, so the hint costs a few queries
whatever the resident has filled in. `residents.selectors.profile_completeness` runs them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CompletenessCheck:
    key: str
    label: str
    is_complete: Callable[[object], bool]
    url: Callable[[], str]
    order: int


_checks: dict[str, CompletenessCheck] = {}


def register_check(key, label, is_complete, *, url=None, order=50):
    """Add (or replace, for the same key) one thing a complete profile has."""
    _checks[key] = CompletenessCheck(
        key=key, label=label, is_complete=is_complete, url=url or _profile_field_url(key), order=order
    )


def registered():
    return sorted(_checks.values(), key=lambda check: (check.order, check.key))


def _profile_field_url(field):
    return lambda: f"{reverse('residents:profile')}#id_{field}"


register_check("email", _("이메일"), lambda resident: bool(resident.email), order=10)
register_check("skills", _("기술·자격증"), lambda resident: resident.skills.exists(), order=30)
register_check(
    "desired_occupations", _("희망 직종"), lambda resident: resident.desired_occupations.exists(), order=40
)
register_check(
    "desired_employment_types",
    _("희망 고용 형태"),
    lambda resident: bool(resident.desired_employment_types),
    order=50,
)
register_check(
    "desired_monthly_wage", _("희망 월급"), lambda resident: bool(resident.desired_monthly_wage), order=60
)
register_check(
    "career_summary", _("경력 요약"), lambda resident: bool(resident.career_summary.strip()), order=70
)
