"""Facts about the signed-in resident that apps above `employers` compute, for the vacancy search.

The search's "내 경력(년)" filter can start from the career years computed from the resident's
resumes (resumes.selectors.career_years); `resumes` registers that function from its AppConfig.ready(),
since `employers` may not import it."""

_career_years = None


def register_career_years(function):
    global _career_years
    _career_years = function


def career_years_of(resident):
    """The resident's career years, or None when no app computes them."""
    if resident is None or _career_years is None:
        return None
    return _career_years(resident)
